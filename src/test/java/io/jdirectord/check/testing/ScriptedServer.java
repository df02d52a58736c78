package io.jdirectord.check.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny TCP (optionally TLS) server on a loopback address and a free port that plays a {@link Script}
 * on every connection it accepts: well-behaved replies, garbage, silence, trickles, floods. Connections
 * stay open until the script closes them or the server is closed. What scripts read from clients and
 * the TLS server names clients asked for are recorded for assertions.
 */
public final class ScriptedServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        void serve(Connection connection) throws IOException;
    }

    /** One accepted connection as a script sees it. */
    public final class Connection {
        private final Socket socket;

        private Connection(Socket socket) {
            this.socket = socket;
        }

        public InputStream in() throws IOException {
            return socket.getInputStream();
        }

        public OutputStream out() throws IOException {
            return socket.getOutputStream();
        }

        public Socket socket() {
            return socket;
        }

        /** Records what the client sent, for {@link ScriptedServer#received()}. */
        public void record(String request) {
            received.add(request);
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();

    private ScriptedServer(ServerSocket server, Script script) {
        this.server = server;
        this.script = script;
        Thread.ofVirtual().name("scripted-server-accept").start(this::acceptLoop);
    }

    /** A plain TCP server on {@code address} and a free port. */
    public static ScriptedServer start(InetAddress address, Script script) throws IOException {
        return new ScriptedServer(new ServerSocket(0, 50, address), script);
    }

    /** A TLS server on {@code address} and a free port, presenting the certificate of {@code context}. */
    public static ScriptedServer startTls(InetAddress address, SSLContext context, Script script) throws IOException {
        return new ScriptedServer(context.getServerSocketFactory().createServerSocket(0, 50, address), script);
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetAddress address() {
        return server.getInetAddress();
    }

    /** What the scripts recorded, one entry per connection that recorded something. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** The SNI host names TLS clients sent, one entry per handshake ("" when none was sent). */
    public List<String> serverNames() {
        return List.copyOf(serverNames);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread.ofVirtual().name("scripted-server-connection").start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try {
            if (socket instanceof SSLSocket tls) {
                tls.startHandshake();
                serverNames.add(requestedName(tls));
            }
            script.serve(new Connection(socket));
        } catch (IOException clientWentAway) {
            closeQuietly(socket);
        }
    }

    private static String requestedName(SSLSocket socket) {
        if (socket.getSession() instanceof ExtendedSSLSession session) {
            for (SNIServerName name : session.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName();
                }
            }
        }
        return "";
    }

    @Override
    public void close() {
        closeQuietly(server);
        sockets.forEach(ScriptedServer::closeQuietly);
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing a test server: nothing to report.
        }
    }
}
