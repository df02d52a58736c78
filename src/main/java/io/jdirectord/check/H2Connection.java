package io.jdirectord.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * Opens the HTTP/2 connection of one probe from its {@link ProbeSockets}: TCP, then TLS offering "h2" and
 * "http/1.1" by ALPN when wanted (so that an HTTP/1.1-only server completes the handshake and is named as
 * such), then the HTTP/2 connection preface. {@link #waitingFor()} names the step in progress, in
 * {@link HttpExchange}'s words, for the reason of a failure.
 */
final class H2Connection {

    private static final List<String> ALPN = List.of("h2", "http/1.1");

    private final ProbeSockets sockets;
    private final Deadline deadline;
    private volatile String waitingFor = HttpExchange.CONNECT;

    H2Connection(ProbeSockets sockets, Deadline deadline) {
        this.sockets = sockets;
        this.deadline = deadline;
    }

    /**
     * @param peerName the name TLS sends and verifies
     * @throws ProbeException when the server does not speak HTTP/2 (ALPN, or its answer to the preface)
     */
    H2Stream open(InetAddress address, int port, Optional<ImplicitTls> tls, String peerName)
            throws IOException, ProbeException {
        Socket socket = sockets.createSocket(address, port);
        socket.setSoTimeout(deadline.remainingMillis());
        if (tls.isPresent()) {
            waitingFor = "the TLS handshake";
            SSLSocket secure = tls.get().handshake(socket, peerName, deadline.remainingMillis(), ALPN);
            requireH2(secure.getApplicationProtocol());
            socket = secure;
        }
        waitingFor = "the server's HTTP/2 SETTINGS";
        H2Stream stream = new H2Stream(socket);
        stream.start();
        waitingFor = "the HTTP/2 response";
        return stream;
    }

    /** What the probe was waiting for when it failed: {@link HttpExchange#CONNECT}, "the TLS handshake"... */
    String waitingFor() {
        return waitingFor;
    }

    private static void requireH2(String chosen) throws ProbeException {
        if (chosen == null || chosen.isEmpty()) {
            throw new ProbeException("does not speak HTTP/2: TLS ALPN chose no protocol (h2 offered)");
        }
        if (!chosen.equals("h2")) {
            throw new ProbeException("does not speak HTTP/2: TLS ALPN chose " + Reasons.excerpt(chosen) + ", not h2");
        }
    }
}
