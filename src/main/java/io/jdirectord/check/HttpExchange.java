package io.jdirectord.check;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * One HTTP/1.1 request and its response over a fresh connection, with HttpCore's classic client
 * connection on the caller's thread: connect (to the proxy for http_proxy, through a CONNECT tunnel for
 * an https URL), TLS for https, the request with {@code Connection: close}, the status line and headers,
 * then at most maxBytes of the body; the rest is never read. Every socket comes from the probe's
 * {@link ProbeSockets}, which the caller closes (and which close themselves at the deadline);
 * {@link #waitingFor()} names the step in progress, for the reason of a failure.
 */
final class HttpExchange {

    /** {@link #waitingFor()} while the TCP connection is being set up. */
    static final String CONNECT = "the connection";

    private static final int MAX_HEADER_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 100;
    /**
     * Bytes of each of the connection's I/O buffers (HttpCore's default is 8 KiB). A check reads a few
     * hundred bytes, and with 10,000 probes a second larger buffers were most of the garbage, and most of
     * the heap when thousands of probes wait at once; longer replies take more reads, not more memory.
     */
    private static final int BUFFER_SIZE = 1024;

    private static final Http1Config HTTP1 = Http1Config.custom()
            .setBufferSize(BUFFER_SIZE)
            .setMaxLineLength(MAX_HEADER_LINE)
            .setMaxHeaderCount(MAX_HEADERS)
            .build();
    private static final HttpRequestExecutor EXECUTOR = new HttpRequestExecutor();

    /**
     * A response as far as it was read: status and the first maxBytes of the body; for a redirect that is
     * followed, its Location header instead (the body is not read).
     */
    record Reply(int status, String body, long bodyBytes, boolean truncated, Optional<String> location) {}

    private final ProbeSockets sockets;
    private final Deadline deadline;
    private volatile String waitingFor = CONNECT;
    private Socket socket;

    HttpExchange(ProbeSockets sockets, Deadline deadline) {
        this.sockets = sockets;
        this.deadline = deadline;
    }

    /**
     * @param tls     the TLS set-up when the target is https
     * @param follow  whether a redirect is followed: then its body is not read, only its Location
     * @throws ProbeException when a proxy refuses the tunnel
     */
    Reply run(HttpTarget to, String method, Optional<ImplicitTls> tls, int maxBytes, boolean follow)
            throws IOException, HttpException, ProbeException {
        socket = sockets.createSocket(to.connectAddress(), to.connectPort());
        socket.setSoTimeout(deadline.remainingMillis());
        if (to.tunnelled()) {
            tunnel(socket, to);
        }
        if (tls.isPresent()) {
            waitingFor = "the TLS handshake";
            socket = tls.get().handshake(socket, to.peerName(), deadline.remainingMillis());
        }
        waitingFor = "the HTTP response";
        ClassicHttpResponse response = execute(socket, request(to, method));
        if (follow && HttpRedirects.isRedirect(response.getCode())) {
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            return new Reply(
                    response.getCode(),
                    "",
                    0,
                    false,
                    Optional.ofNullable(location).map(Header::getValue));
        }
        waitingFor = "the body of HTTP " + response.getCode();
        return read(response, maxBytes);
    }

    /** Closes this exchange's connection early (a redirect's, whose body is not wanted); the probe closes it anyway. */
    void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }

    /** What the probe was waiting for when it failed: {@link #CONNECT}, "the HTTP response"... */
    String waitingFor() {
        return waitingFor;
    }

    private static ClassicHttpRequest request(HttpTarget to, String method) {
        ClassicHttpRequest request = verbatim(method, to.requestTarget());
        request.setHeader(HttpHeaders.HOST, to.hostHeader());
        request.setHeader(HttpHeaders.CONNECTION, "close");
        request.setHeader(HttpHeaders.USER_AGENT, "jdirectord");
        return request;
    }

    /** A request whose request line carries {@code target} as given (HttpCore would parse a path argument). */
    private static ClassicHttpRequest verbatim(String method, String target) {
        return new BasicClassicHttpRequest(method, (HttpHost) null, target);
    }

    /** Opens a CONNECT tunnel through the proxy to the target; the socket then carries the target's bytes. */
    private void tunnel(Socket socket, HttpTarget to) throws IOException, HttpException, ProbeException {
        waitingFor = "the proxy's answer to CONNECT";
        ClassicHttpRequest connect = verbatim(Method.CONNECT.name(), to.tunnelAuthority());
        connect.setHeader(HttpHeaders.HOST, to.tunnelAuthority());
        connect.setHeader(HttpHeaders.USER_AGENT, "jdirectord");
        ClassicHttpResponse answer = execute(socket, connect);
        if (answer.getCode() < 200 || answer.getCode() >= 300) {
            throw new ProbeException("proxy refused CONNECT to " + to.tunnelAuthority() + ": HTTP " + answer.getCode());
        }
    }

    private static ClassicHttpResponse execute(Socket socket, ClassicHttpRequest request)
            throws IOException, HttpException {
        DefaultBHttpClientConnection connection = new DefaultBHttpClientConnection(HTTP1);
        connection.bind(socket);
        return EXECUTOR.execute(request, connection, HttpCoreContext.create());
    }

    private static Reply read(ClassicHttpResponse response, int maxBytes) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new Reply(response.getCode(), "", 0, false, Optional.empty());
        }
        BoundedInput body = new BoundedInput(entity.getContent(), maxBytes);
        byte[] bytes = body.readAllBytes();
        return new Reply(
                response.getCode(),
                new String(bytes, StandardCharsets.UTF_8),
                bytes.length,
                body.truncated(),
                Optional.empty());
    }
}
