package io.jdirectord.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * The one connection of a check that speaks its protocol itself (connect, nntp, simpletcp, dns and sip
 * over TCP), on the probe's {@link ProbeSockets}: connect, reads and writes all end by the deadline
 * whatever the server does, and failures are worded with the check's timeout.
 */
final class TcpSession implements AutoCloseable {

    private final ProbeSockets sockets;
    private final Socket socket;
    private final Duration timeout;

    private TcpSession(ProbeSockets sockets, Socket socket, Duration timeout) {
        this.sockets = sockets;
        this.socket = socket;
        this.timeout = timeout;
    }

    /**
     * Connects to {@code target} by {@code deadline}.
     *
     * @param timeout  the check's whole-probe timeout, named in reasons
     * @param maxBytes the most the check reads: the connection fails with {@link ReceiveLimitException}
     *                 only beyond it (and the one byte past it that tells a {@link BoundedInput} the reply
     *                 was cut)
     * @throws ProbeException refused, timed out, unreachable
     */
    static TcpSession open(InetSocketAddress target, Deadline deadline, Duration timeout, int maxBytes)
            throws ProbeException {
        ProbeSockets sockets = ProbeSockets.open(deadline, (int) Math.min(Integer.MAX_VALUE, maxBytes + 1L));
        try {
            return new TcpSession(sockets, sockets.connect(target), timeout);
        } catch (IOException e) {
            sockets.close();
            throw new ProbeException(Reasons.connectFailure(e, sockets.cutOff(), timeout));
        }
    }

    InputStream input() throws IOException {
        return socket.getInputStream();
    }

    OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    /** The address and port of this end of the connection. */
    InetSocketAddress local() {
        return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** The reason for an I/O failure after connect, telling a deadline cut-off from a server error. */
    ProbeException failure(IOException e, String waitingFor) {
        return new ProbeException(Reasons.exchangeFailure(e, sockets.cutOff(), timeout, waitingFor));
    }

    @Override
    public void close() {
        sockets.close();
    }
}
