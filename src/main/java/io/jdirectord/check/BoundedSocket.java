package io.jdirectord.check;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * A plain TCP socket, connected directly (never through a SOCKS proxy named by system properties, and
 * without asking the proxy selector on every connect), whose input stream yields at most {@code limitBytes} over the socket's life and then
 * fails with {@link ReceiveLimitException}, so an endless reply costs at most the bound. TLS layered on
 * top reads through the same stream, so the bound counts bytes on the wire.
 */
final class BoundedSocket extends Socket {

    private final int limitBytes;
    private final Runnable onConnected;
    private InputStream bounded;

    /**
     * @param limitBytes  how many bytes may be read in total
     * @param onConnected called once the TCP connection is established
     */
    BoundedSocket(int limitBytes, Runnable onConnected) {
        super(Proxy.NO_PROXY);
        this.limitBytes = limitBytes;
        this.onConnected = onConnected;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeoutMillis) throws IOException {
        super.connect(endpoint, timeoutMillis);
        onConnected.run();
    }

    /** The same bounded stream on every call: the count covers everything read from this socket. */
    @Override
    public InputStream getInputStream() throws IOException {
        if (bounded == null) {
            bounded = new LimitedStream(super.getInputStream(), limitBytes);
        }
        return bounded;
    }

    private static final class LimitedStream extends FilterInputStream {
        private final int limit;
        private long count;

        LimitedStream(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            long left = limit - count;
            if (left <= 0) {
                throw new ReceiveLimitException(limit);
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            int read = read(new byte[(int) Math.min(Math.max(n, 0), 8192)]);
            return Math.max(read, 0);
        }
    }
}
