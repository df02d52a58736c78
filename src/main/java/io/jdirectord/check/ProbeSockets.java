package io.jdirectord.check;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.SocketFactory;

/**
 * The sockets of one TCP probe, the one lifecycle every TCP check uses: each socket (control and data
 * connections alike) connects within the time left to the deadline, is a {@link BoundedSocket} reading
 * at most the probe's wire bound, and is closed when the deadline passes (a {@link DeadlineGuard}) or the
 * probe ends ({@link #close()}), whichever comes first. TLS, when a check wants it, is layered over a
 * connected socket with {@link ImplicitTls} and reads through the same bound. Safe to close from the
 * guard's thread while the probe's thread is blocked on one of the sockets.
 */
final class ProbeSockets extends SocketFactory implements Closeable {

    private final Deadline deadline;
    private final int maxReceiveBytes;
    private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private volatile Runnable onConnected = () -> {};
    private volatile Closeable alsoAtDeadline = () -> {};
    private volatile boolean closed;
    private final DeadlineGuard guard;

    private ProbeSockets(Deadline deadline, int maxReceiveBytes) {
        this.deadline = deadline;
        this.maxReceiveBytes = maxReceiveBytes;
        this.guard = DeadlineGuard.arm(deadline, this::cutOffNow);
    }

    /**
     * The sockets of a probe that ends by {@code deadline}; close them (try-with-resources) when it ends.
     *
     * @param maxReceiveBytes how many bytes each socket may read in total before reads fail with
     *                        {@link ReceiveLimitException}
     */
    static ProbeSockets open(Deadline deadline, int maxReceiveBytes) {
        return new ProbeSockets(deadline, maxReceiveBytes);
    }

    /** Sockets that are closed already and make none: for a driver's factory used outside a probe. */
    static ProbeSockets closed() {
        ProbeSockets sockets = new ProbeSockets(new Deadline(System.nanoTime()), 0);
        sockets.close();
        return sockets;
    }

    /** Runs {@code listener} each time one of the sockets has connected (a probe moving past its connect phase). */
    ProbeSockets onConnected(Runnable listener) {
        this.onConnected = listener;
        return this;
    }

    /** Closes {@code resource} too when the deadline passes (a driver's connection, a login thread). */
    ProbeSockets alsoAtDeadline(Closeable resource) {
        this.alsoAtDeadline = resource;
        return this;
    }

    /** Whether the deadline passed and closed the sockets: a failure since then is a timeout. */
    boolean cutOff() {
        return guard.fired();
    }

    /** A socket connected to {@code target} within the time left; its reads end when the deadline closes it. */
    Socket connect(InetSocketAddress target) throws IOException {
        Socket socket = createSocket();
        socket.connect(target, deadline.remainingMillis());
        return socket;
    }

    /** An unconnected socket; connect it with a timeout of at most {@link Deadline#remainingMillis()}. */
    @Override
    public Socket createSocket() throws IOException {
        if (closed) {
            throw new SocketException("probe closed at its deadline");
        }
        Socket socket = new BoundedSocket(maxReceiveBytes, () -> onConnected.run());
        sockets.add(socket);
        if (closed) {
            socket.close();
        }
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port), deadline.remainingMillis());
        return socket;
    }

    /** Only IP literals are expected here; a name would be resolved without the deadline. */
    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(InetAddress.getByName(host), port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(host, port), deadline.remainingMillis());
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(InetAddress.getByName(host), port, localAddress, localPort);
    }

    /** Ends the probe: disarms the deadline, closes every socket made so far and refuses to make more. */
    @Override
    public void close() {
        guard.close();
        closeSockets();
    }

    private void cutOffNow() throws IOException {
        closeSockets();
        alsoAtDeadline.close();
    }

    private void closeSockets() {
        closed = true;
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing is best effort: the socket is unusable either way.
            }
        }
    }
}
