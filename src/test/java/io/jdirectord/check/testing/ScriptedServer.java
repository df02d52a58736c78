package io.jdirectord.check.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A tiny TCP (optionally TLS) server on a loopback address and a free port that plays a {@link Script}
 * on every connection it accepts, each on its own virtual thread: greetings, replies, garbage, silence,
 * trickles, floods. Started with {@code start}, a connection stays open until the script closes it or
 * the server is closed; started with {@code conversation}, it is also closed when the script returns.
 * What scripts read from clients and the TLS server names clients asked for are recorded for assertions.
 */
public final class ScriptedServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        void serve(Connection connection) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Script script;
    private final boolean closeWhenScriptEnds;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();

    private ScriptedServer(ServerSocket server, Script script, boolean closeWhenScriptEnds) {
        this.server = server;
        this.script = script;
        this.closeWhenScriptEnds = closeWhenScriptEnds;
        Thread.ofVirtual().name("scripted-server-accept").start(this::acceptLoop);
    }

    /** A plain TCP server on {@code address} and a free port; connections outlive the script. */
    public static ScriptedServer start(InetAddress address, Script script) throws IOException {
        return new ScriptedServer(new ServerSocket(0, 50, address), script, false);
    }

    /** A TLS server presenting the certificate of {@code context}; connections outlive the script. */
    public static ScriptedServer startTls(InetAddress address, SSLContext context, Script script) throws IOException {
        return new ScriptedServer(context.getServerSocketFactory().createServerSocket(0, 50, address), script, false);
    }

    /** A plain TCP server that closes each connection when its script returns. */
    public static ScriptedServer conversation(InetAddress address, Script script) throws IOException {
        return new ScriptedServer(new ServerSocket(0, 50, address), script, true);
    }

    /** A TLS server (TLS from the first byte) that closes each connection when its script returns. */
    public static ScriptedServer conversationTls(InetAddress address, SSLContext context, Script script)
            throws IOException {
        return new ScriptedServer(context.getServerSocketFactory().createServerSocket(0, 50, address), script, true);
    }

    /** A port on {@code address} where nothing listens: connecting to it is refused. */
    public static int refusedPort(InetAddress address) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, 0));
            return probe.getLocalPort();
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetAddress address() {
        return server.getInetAddress();
    }

    /** What the scripts recorded or read as lines, from all connections, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** The SNI host names TLS clients sent, one entry per handshake ("" when none was sent). */
    public List<String> serverNames() {
        return List.copyOf(serverNames);
    }

    /**
     * As {@link #conversationTls}, requiring a client certificate that the trust managers of {@code context}
     * accept: without one, or with another, the handshake fails.
     */
    public static ScriptedServer conversationMutualTls(InetAddress address, SSLContext context, Script script)
            throws IOException {
        SSLServerSocket socket =
                (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, address);
        socket.setNeedClientAuth(true);
        return new ScriptedServer(socket, script, true);
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
            if (closeWhenScriptEnds) {
                closeQuietly(socket);
            }
        } catch (IOException | InterruptedException clientWentAway) {
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

    /** One accepted connection as a script sees it. Text is sent as ISO-8859-1; lines end as given. */
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

        public void send(String text) throws IOException {
            out().write(text.getBytes(StandardCharsets.ISO_8859_1));
            out().flush();
        }

        /** Reads and records one line without its line end; null when the client closed. At most 8 KiB. */
        public String readLine() throws IOException {
            InputStream in = in();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n' && line.size() < 8192) {
                if (b != '\r') {
                    line.write(b);
                }
            }
            if (b < 0 && line.size() == 0) {
                return null;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            record(text);
            return text;
        }

        /** Answers each line the client sends with {@code reply} until the client closes. */
        public void replyToEveryLine(String reply) throws IOException {
            while (readLine() != null) {
                send(reply);
            }
        }

        /** Sends {@code chunk} again and again until the client stops reading or closes. */
        public void sendForever(String chunk) throws IOException {
            byte[] bytes = chunk.getBytes(StandardCharsets.ISO_8859_1);
            OutputStream out = out();
            while (true) {
                out.write(bytes);
            }
        }

        /** Sends {@code length} pseudo-random bytes (fixed seed), then CRLF, and flushes. */
        public void sendGarbage(int length) throws IOException {
            byte[] garbage = new byte[length];
            new Random(length).nextBytes(garbage);
            out().write(garbage);
            out().write(new byte[] {'\r', '\n'});
            out().flush();
        }

        /** Sends {@code text} one byte at a time, pausing {@code pause} between bytes. */
        public void trickle(String text, Duration pause) throws IOException, InterruptedException {
            for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
                out().write(b);
                out().flush();
                Thread.sleep(pause);
            }
        }

        /** Says nothing and keeps the connection open until the client closes it. */
        public void stayQuiet() throws IOException {
            while (in().read() >= 0) {
                // Whatever the client sends is ignored.
            }
        }
    }
}
