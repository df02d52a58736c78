package io.jdirectord.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Tells an HTTP/2 server's first bytes from those of a server that does not speak HTTP/2: an HTTP/1.x
 * status line ("HTTP/1.1 400 Bad Request", what an HTTP/1.1 server says to the client preface) or a closed
 * connection.
 */
final class H2Preface {

    private static final byte[] HTTP1 = "HTTP/".getBytes(StandardCharsets.US_ASCII);
    private static final int QUOTED = 80;

    private H2Preface() {}

    /**
     * Looks at the first bytes without consuming them.
     *
     * @param in a stream that supports mark and reset
     * @throws ProbeException when they are not the start of an HTTP/2 frame
     */
    static void requireHttp2(InputStream in) throws IOException, ProbeException {
        in.mark(HTTP1.length + QUOTED);
        byte[] start = in.readNBytes(HTTP1.length);
        if (start.length < HTTP1.length) {
            throw new ProbeException("does not speak HTTP/2: closed the connection after the HTTP/2 preface");
        }
        if (java.util.Arrays.equals(start, HTTP1)) {
            byte[] rest = new byte[Math.min(in.available(), QUOTED)];
            int n = in.read(rest);
            String line = "HTTP/" + new String(rest, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1);
            throw new ProbeException("does not speak HTTP/2: answered the HTTP/2 preface with '"
                    + Reasons.excerpt(Reasons.serverLine(line)) + "'");
        }
        in.reset();
    }
}
