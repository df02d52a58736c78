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
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;

/**
 * A TCP server on a loopback address and an ephemeral port that plays the same script to every client:
 * greetings, replies, silence, garbage, endless lines, slow trickles. Each connection runs on its own
 * virtual thread; {@link #close()} ends them all.
 */
public final class ConversationServer implements AutoCloseable {

    /** What the server does with one client. */
    @FunctionalInterface
    public interface Script {
        void play(Conversation client) throws IOException, InterruptedException;
    }

    private final ServerSocket listener;
    private final Script script;
    private final Queue<Socket> clients = new ConcurrentLinkedQueue<>();
    private final Queue<String> received = new ConcurrentLinkedQueue<>();

    private ConversationServer(ServerSocket listener, Script script) {
        this.listener = listener;
        this.script = script;
    }

    /** Listens on {@code address}, port chosen by the kernel. */
    public static ConversationServer start(InetAddress address, Script script) throws IOException {
        return start(address, ServerSocketFactory.getDefault(), script);
    }

    /** Listens on {@code address} and speaks TLS from the first byte with the given server context. */
    public static ConversationServer startTls(InetAddress address, SSLContext tls, Script script) throws IOException {
        return start(address, tls.getServerSocketFactory(), script);
    }

    private static ConversationServer start(InetAddress address, ServerSocketFactory sockets, Script script)
            throws IOException {
        ServerSocket listener = sockets.createServerSocket();
        listener.bind(new InetSocketAddress(address, 0));
        ConversationServer server = new ConversationServer(listener, script);
        Thread.ofVirtual().name("scripted-server-" + listener.getLocalPort()).start(server::accept);
        return server;
    }

    /** A port on {@code address} where nothing listens: connecting to it is refused. */
    public static int refusedPort(InetAddress address) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, 0));
            return probe.getLocalPort();
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Every line the scripts read so far, from all clients, in order of reading. */
    public List<String> received() {
        return List.copyOf(received);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                clients.add(client);
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            script.play(new Conversation(client, received));
        } catch (IOException | InterruptedException clientGone) {
            // The client hung up or the server closed: the conversation is over either way.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket client : clients) {
            client.close();
        }
    }

    /** The server's side of one connection. Text is sent as ISO-8859-1; lines end with CRLF when given so. */
    public static final class Conversation {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final Queue<String> received;

        Conversation(Socket socket, Queue<String> received) throws IOException {
            this.socket = socket;
            this.received = received;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        public void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Reads one line without its line end; null when the client closed. At most 8 KiB. */
        public String readLine() throws IOException {
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
            received.add(text);
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
            while (true) {
                out.write(bytes);
            }
        }

        /** Sends {@code length} pseudo-random bytes (fixed seed), then CRLF, and flushes. */
        public void sendGarbage(int length) throws IOException {
            byte[] garbage = new byte[length];
            new Random(length).nextBytes(garbage);
            out.write(garbage);
            out.write(new byte[] {'\r', '\n'});
            out.flush();
        }

        /** Sends {@code text} one byte at a time, pausing {@code pause} between bytes. */
        public void trickle(String text, Duration pause) throws IOException, InterruptedException {
            for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
                out.write(b);
                out.flush();
                Thread.sleep(pause);
            }
        }

        /** Says nothing and keeps the connection open until the client closes it. */
        public void stayQuiet() throws IOException {
            while (in.read() >= 0) {
                // Whatever the client sends is ignored.
            }
        }

        public Socket socket() {
            return socket;
        }
    }
}
