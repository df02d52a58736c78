package io.jdirectord.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A TCP port on 127.0.0.1 that accepts and closes every connection: a real server a connect check finds up. */
final class LoopbackListener implements AutoCloseable {

    private final ServerSocket server;

    LoopbackListener() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("loopback-listener").start(this::acceptAll);
    }

    int port() {
        return server.getLocalPort();
    }

    /** A loopback port nothing listens on (bound once, then released): connects to it are refused. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                server.accept().close(); // accepting is all a connect check needs
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
