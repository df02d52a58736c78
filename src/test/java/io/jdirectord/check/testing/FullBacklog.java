package io.jdirectord.check.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A listening socket that never accepts, with its accept queue filled: Linux then drops further SYNs,
 * so a new connection attempt hangs as if the host dropped packets. A unit-test stand-in for a dead host.
 */
public final class FullBacklog implements AutoCloseable {

    private static final int FILL_ATTEMPTS = 32;
    private static final int PROBE_TIMEOUT_MS = 300;

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    private FullBacklog(InetAddress address) throws IOException {
        this.server = new ServerSocket(0, 1, address);
        fill();
    }

    public static FullBacklog on(InetAddress address) throws IOException {
        return new FullBacklog(address);
    }

    private void fill() throws IOException {
        InetSocketAddress target = new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
        for (int i = 0; i < FILL_ATTEMPTS; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(target, PROBE_TIMEOUT_MS);
                fillers.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return;
            }
        }
        close();
        throw new IllegalStateException("the accept queue of " + target + " never filled up");
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        fillers.forEach(ScriptedServer::closeQuietly);
        ScriptedServer.closeQuietly(server);
    }
}
