package io.jdirectord.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code limit} bytes from a stream, then reports end of stream. Whether the server had
 * more to send is known once the limit is reached ({@link #truncated()}); the rest is never read.
 */
final class BoundedInput extends InputStream {

    private static final int FIRST_SIZE = 256;
    private static final int CHUNK_SIZE = 2048;

    private final InputStream in;
    private final long limit;
    private long count;
    private boolean truncated;

    BoundedInput(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (count >= limit) {
            truncated = truncated || in.read() >= 0;
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, limit - count));
        if (n > 0) {
            count += n;
        }
        return n;
    }

    /**
     * Reads to the limit or the end of the stream. Starts small and grows, unlike
     * {@link InputStream#readAllBytes()}, which allocates 16 KiB per call however short the body.
     */
    @Override
    public byte[] readAllBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(FIRST_SIZE);
        byte[] chunk = new byte[(int) Math.max(1, Math.min(CHUNK_SIZE, limit))];
        int n;
        while ((n = read(chunk, 0, chunk.length)) >= 0) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    /** Whether the limit was reached with more data waiting. */
    boolean truncated() {
        return truncated;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
