package io.jdirectord.check;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads at most {@code limit} bytes from a stream, then reports end of stream. Whether the server had
 * more to send is known once the limit is reached ({@link #truncated()}); the rest is never read.
 */
final class BoundedInput extends InputStream {

    private static final int FIRST_SIZE = 256;

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
     * Reads to the limit or the end of the stream into one array that starts at 256 bytes and doubles as
     * needed (a check's typical body of a few bytes costs one small array and its final copy), unlike
     * {@link InputStream#readAllBytes()}, which allocates 16 KiB per call however short the body.
     */
    @Override
    public byte[] readAllBytes() throws IOException {
        byte[] bytes = new byte[(int) Math.max(1, Math.min(FIRST_SIZE, limit))];
        int filled = 0;
        int n;
        while ((n = read(bytes, filled, bytes.length - filled)) >= 0) {
            filled += n;
            if (filled == bytes.length) {
                bytes = Arrays.copyOf(bytes, grown(bytes.length));
            }
        }
        return Arrays.copyOf(bytes, filled);
    }

    /** Twice {@code length}, but no more than one past the limit: room for the read that finds the end. */
    private int grown(int length) {
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.min(2L * length, Math.max(limit, length) + 1));
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
