package io.jdirectord.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentLengthStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.UnsupportedHttpVersionException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.BasicHttpTransportMetrics;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.ChunkedInputStream;
import org.apache.hc.core5.http.impl.io.ContentLengthInputStream;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriter;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParser;
import org.apache.hc.core5.http.impl.io.IdentityInputStream;
import org.apache.hc.core5.http.impl.io.SessionInputBufferImpl;
import org.apache.hc.core5.http.impl.io.SessionOutputBufferImpl;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.MessageSupport;

/**
 * HTTP/1.1 as a check speaks it, with HttpCore's classic message parser and writer, whatever carries the
 * bytes (a blocking socket, or the bytes the {@link ProbeLoop} gathered): the request bytes, and one
 * response read as HttpCore's classic client reads it (interim 1xx responses skipped, the body framed by
 * Content-Length, chunked coding or the end of the connection, none for HEAD, 204 and 304), of whose body at
 * most maxBytes is read and the rest never. A reader serves one response; not thread-safe.
 */
final class Http1Codec {

    private static final int MAX_HEADER_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 100;
    /**
     * Bytes of the parser's buffer and the initial size of its line buffer (HttpCore's default is 8 KiB). A
     * check reads a few hundred bytes, and with 10,000 probes a second larger buffers were most of the
     * garbage (1 KiB: 7.1 KiB allocated to read nginx's reply; 256 bytes: 3.6 KiB); longer replies take more
     * reads, not more memory (a read of more than 512 bytes, HttpCore's chunk limit, skips the buffer).
     */
    private static final int BUFFER_SIZE = 256;

    static final Http1Config HTTP1 = Http1Config.custom()
            .setBufferSize(BUFFER_SIZE)
            .setMaxLineLength(MAX_HEADER_LINE)
            .setMaxHeaderCount(MAX_HEADERS)
            .build();

    private final SessionInputBufferImpl buffer = new SessionInputBufferImpl(
            new BasicHttpTransportMetrics(), BUFFER_SIZE, HTTP1.getChunkSizeHint(), MAX_HEADER_LINE, null);
    private int status;

    /** The bytes of a request for {@code to} with {@code Connection: close}. */
    static byte[] request(HttpTarget to, String method) {
        ClassicHttpRequest request = verbatim(method, to.requestTarget());
        request.setHeader(HttpHeaders.HOST, to.hostHeader());
        request.setHeader(HttpHeaders.CONNECTION, "close");
        request.setHeader(HttpHeaders.USER_AGENT, "jdirectord");
        return bytes(request);
    }

    /** The bytes of a CONNECT request that opens a tunnel through a proxy to {@code to}. */
    static byte[] connect(HttpTarget to) {
        ClassicHttpRequest connect = verbatim("CONNECT", to.tunnelAuthority());
        connect.setHeader(HttpHeaders.HOST, to.tunnelAuthority());
        connect.setHeader(HttpHeaders.USER_AGENT, "jdirectord");
        return bytes(connect);
    }

    /** A request whose request line carries {@code target} as given (HttpCore would parse a path argument). */
    private static ClassicHttpRequest verbatim(String method, String target) {
        return new BasicClassicHttpRequest(method, (HttpHost) null, target);
    }

    private static byte[] bytes(ClassicHttpRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        SessionOutputBufferImpl buffer = new SessionOutputBufferImpl(BUFFER_SIZE);
        try {
            new DefaultHttpRequestWriter().write(request, buffer, out);
            buffer.flush(out);
        } catch (IOException | HttpException e) {
            throw new IllegalArgumentException("cannot encode the request: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The status of the final response once its head is read, else 0: what a reader waiting for a body waits for. */
    int status() {
        return status;
    }

    /**
     * Reads the response to a request of {@code method} from {@code in}.
     *
     * @param follow whether a redirect is followed: then its body is not read, only its Location
     * @throws NoHttpResponseException when the connection ends before a response begins
     */
    HttpReply read(InputStream in, String method, int maxBytes, boolean follow) throws IOException, HttpException {
        ClassicHttpResponse response = head(in);
        status = response.getCode();
        if (follow && HttpRedirects.isRedirect(status)) {
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            return new HttpReply(
                    status, "", 0, false, Optional.ofNullable(location).map(Header::getValue));
        }
        if (!MessageSupport.canResponseHaveBody(method, response)) {
            return new HttpReply(status, "", 0, false, Optional.empty());
        }
        BoundedInput body = new BoundedInput(body(response, in), maxBytes);
        byte[] bytes = body.readAllBytes();
        return new HttpReply(
                status, new String(bytes, StandardCharsets.UTF_8), bytes.length, body.truncated(), Optional.empty());
    }

    /** The head of the final response: interim (1xx) responses are read past. */
    private ClassicHttpResponse head(InputStream in) throws IOException, HttpException {
        DefaultHttpResponseParser parser = new DefaultHttpResponseParser(HTTP1);
        while (true) {
            ClassicHttpResponse response = parser.parse(buffer, in);
            if (response == null) {
                throw new NoHttpResponseException("The target server failed to respond");
            }
            if (response.getVersion() != null && response.getVersion().greaterEquals(HttpVersion.HTTP_2)) {
                throw new UnsupportedHttpVersionException(response.getVersion());
            }
            int code = response.getCode();
            if (code < 100) {
                throw new ProtocolException("Invalid response: " + code);
            }
            if (code >= 200) {
                return response;
            }
        }
    }

    private InputStream body(ClassicHttpResponse response, InputStream in) throws HttpException {
        long length = DefaultContentLengthStrategy.INSTANCE.determineLength(response);
        if (length == ContentLengthStrategy.CHUNKED) {
            return new ChunkedInputStream(buffer, in, HTTP1);
        }
        return length >= 0 ? new ContentLengthInputStream(buffer, in, length) : new IdentityInputStream(buffer, in);
    }
}
