package io.jdirectord.daemon;

import io.jdirectord.daemon.status.StatusJson;
import io.jdirectord.daemon.status.StatusText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The local control socket ({@code <pid file>.sock}) through which {@code jdirectord status} asks the
 * running daemon. Protocol: the client sends one line, {@code status} or {@code status json}; the daemon
 * answers with the report and closes. Each client is served on a virtual thread. Root, the daemon's user
 * and its group may connect (mode 0660).
 */
final class ControlServer implements AutoCloseable {

    private final Path path;
    private final ServerSocketChannel server;
    private final StatusCollector collector;
    private final Thread acceptor;

    private ControlServer(Path path, ServerSocketChannel server, StatusCollector collector) {
        this.path = path;
        this.server = server;
        this.collector = collector;
        this.acceptor = Thread.ofVirtual().name("control-socket").start(this::accept);
    }

    /** The socket path that belongs to a pid file. */
    static Path socketFor(Path pidFile) {
        String name = pidFile.getFileName().toString();
        String base = name.endsWith(".pid") ? name.substring(0, name.length() - 4) : name;
        return pidFile.resolveSibling(base + ".sock");
    }

    static ControlServer open(Path path, StatusCollector collector) throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
        return new ControlServer(path, server, collector);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("control-client").start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client; OutputStream out = Channels.newOutputStream(client)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
            String request = in.readLine();
            String answer = switch (request == null ? "" : request.trim()) {
                case "status" -> StatusText.render(collector.collect());
                case "status json" -> StatusJson.render(collector.collect());
                default -> "error: unknown request\n";
            };
            out.write(answer.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            // The client went away or the table could not be listed; the client sees a short answer.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort on the way out.
        }
        acceptor.interrupt();
    }
}
