package io.jdirectord.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A TCP connection for one probe, closed by a {@link DeadlineGuard} when the probe's deadline passes, so
 * that connect, reads and writes all end by then whatever the server does.
 */
final class TcpSession implements AutoCloseable {

    private final Socket socket;
    private final DeadlineGuard guard;
    private final Duration timeout;

    private TcpSession(Socket socket, DeadlineGuard guard, Duration timeout) {
        this.socket = socket;
        this.guard = guard;
        this.timeout = timeout;
    }

    /**
     * Connects to {@code target} by {@code deadline}.
     *
     * @param timeout the check's whole-probe timeout, named in reasons
     * @throws ProbeException refused, timed out, unreachable
     */
    static TcpSession open(InetSocketAddress target, Deadline deadline, Duration timeout) throws ProbeException {
        Socket socket = new Socket();
        DeadlineGuard guard = DeadlineGuard.arm(deadline, socket);
        try {
            socket.connect(target, deadline.remainingMillis());
            socket.setSoTimeout(0);
            return new TcpSession(socket, guard, timeout);
        } catch (IOException e) {
            guard.close();
            closeQuietly(socket);
            throw new ProbeException(Reasons.connectFailure(e, guard.fired(), timeout));
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
        return new ProbeException(Reasons.exchangeFailure(e, guard.fired(), timeout, waitingFor));
    }

    @Override
    public void close() {
        guard.close();
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing was promised to the server; the probe result is already decided.
        }
    }
}
