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
 * Makes every socket of one probe (control and data connections alike): each is a {@link BoundedSocket}
 * reading at most maxReceiveBytes, connects within the time left to the deadline, and is closed by
 * {@link #close()}, which a {@link DeadlineGuard} calls when the deadline passes. Safe to close from the
 * guard's thread while the probe's thread is blocked on one of the sockets.
 */
final class ProbeSockets extends SocketFactory implements Closeable {

    private final Deadline deadline;
    private final int maxReceiveBytes;
    private final Runnable onConnected;
    private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /**
     * @param onConnected called each time one of the sockets has connected
     */
    ProbeSockets(Deadline deadline, int maxReceiveBytes, Runnable onConnected) {
        this.deadline = deadline;
        this.maxReceiveBytes = maxReceiveBytes;
        this.onConnected = onConnected;
    }

    /** An unconnected socket; connect it with a timeout of at most {@link Deadline#remainingMillis()}. */
    @Override
    public Socket createSocket() throws IOException {
        if (closed) {
            throw new SocketException("probe closed at its deadline");
        }
        Socket socket = new BoundedSocket(maxReceiveBytes, onConnected);
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
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(host, port), deadline.remainingMillis());
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(InetAddress.getByName(host), port, localAddress, localPort);
    }

    /** Closes every socket made so far and refuses to make more. */
    @Override
    public void close() {
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
