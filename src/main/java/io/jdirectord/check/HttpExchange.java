package io.jdirectord.check;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;
import org.apache.hc.core5.http.HttpException;

/**
 * One HTTP/1.1 request and its response over a fresh blocking connection, on the caller's thread (https and
 * http_proxy; plain http runs on the {@link ProbeLoop}): connect (to the proxy for http_proxy, through a
 * CONNECT tunnel for an https URL), TLS for https, the request with {@code Connection: close}, then the
 * response as {@link Http1Codec} reads it. Every socket comes from the probe's {@link ProbeSockets}, which
 * the caller closes (and which close themselves at the deadline); {@link #waitingFor()} names the step in
 * progress, for the reason of a failure.
 */
final class HttpExchange {

    /** {@link #waitingFor()} while the TCP connection is being set up. */
    static final String CONNECT = "the connection";
    /** {@link #waitingFor()} from the request until the response's head is read. */
    static final String RESPONSE = "the HTTP response";

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
    HttpReply run(HttpTarget to, String method, Optional<ImplicitTls> tls, int maxBytes, boolean follow)
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
        waitingFor = RESPONSE;
        send(socket, Http1Codec.request(to, method));
        Http1Codec codec = new Http1Codec();
        try {
            return codec.read(socket.getInputStream(), method, maxBytes, follow);
        } finally {
            if (codec.status() != 0) {
                waitingFor = bodyOf(codec.status());
            }
        }
    }

    /** What a reader waits for once the head of a response with {@code status} is read. */
    static String bodyOf(int status) {
        return "the body of HTTP " + status;
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

    /** Opens a CONNECT tunnel through the proxy to the target; the socket then carries the target's bytes. */
    private void tunnel(Socket socket, HttpTarget to) throws IOException, HttpException, ProbeException {
        waitingFor = "the proxy's answer to CONNECT";
        send(socket, Http1Codec.connect(to));
        HttpReply answer = new Http1Codec().read(socket.getInputStream(), "CONNECT", 0, false);
        if (answer.status() < 200 || answer.status() >= 300) {
            throw new ProbeException("proxy refused CONNECT to " + to.tunnelAuthority() + ": HTTP " + answer.status());
        }
    }

    private static void send(Socket socket, byte[] request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
    }
}
