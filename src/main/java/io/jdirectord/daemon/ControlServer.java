package io.jdirectord.daemon;

import io.jdirectord.daemon.log.FileErrors;
import io.jdirectord.daemon.status.StatusJson;
import io.jdirectord.daemon.status.StatusSource;
import io.jdirectord.daemon.status.StatusText;
import io.jdirectord.engine.ControlAnswer;
import io.jdirectord.ipvs.IpvsException;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The local control socket ({@code <pid file>.sock}) through which {@code jdirectord status} asks the
 * running daemon and an operator changes it. Protocol: the client sends one line, {@code status},
 * {@code status json} or {@code health}, and the daemon answers with the report (or the health line) and
 * closes; or a command ({@code disable}, {@code enable}, {@code drain}, {@code weight}, see
 * {@link io.jdirectord.engine.ControlCommand}), answered {@code ok: WHAT CHANGED} or {@code error: WHY} in one
 * line, carried out only for root, the socket's owner and its group ({@link ControlAccess}, from the
 * client's {@code SO_PEERCRED}). Each client is served on a virtual
 * thread, within bounds: a request line of at most {@link #MAX_REQUEST_BYTES}, {@link #MAX_CLIENTS} clients
 * at once (one more is told so and closed), and {@link #CLIENT_SECONDS} for a client's whole exchange, after
 * which it is closed; root, the daemon's user and its group may connect (mode 0660).
 */
final class ControlServer implements AutoCloseable {

    /** Longest request line, newline included; a command names a virtual service and a real server. */
    static final int MAX_REQUEST_BYTES = 256;
    /** Clients served at once. */
    static final int MAX_CLIENTS = 16;
    /** Seconds a client may take, from connecting to the end of the answer. */
    static final int CLIENT_SECONDS = 10;

    private final Path path;
    private final ServerSocketChannel server;
    private final StatusSource status;
    private final ControlCommands commands;
    private final ControlAccess access;
    private final Semaphore clients = new Semaphore(MAX_CLIENTS);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("control-timeout").factory());
    private final Thread acceptor;

    private ControlServer(
            Path path,
            ServerSocketChannel server,
            StatusSource status,
            ControlCommands commands,
            ControlAccess access) {
        this.path = path;
        this.server = server;
        this.status = status;
        this.commands = commands;
        this.access = access;
        this.acceptor = Thread.ofVirtual().name("control-socket").start(this::accept);
    }

    /** The socket path that belongs to a pid file. */
    static Path socketFor(Path pidFile) {
        String name = pidFile.getFileName().toString();
        String base = name.endsWith(".pid") ? name.substring(0, name.length() - 4) : name;
        return pidFile.resolveSibling(base + ".sock");
    }

    static ControlServer open(Path path, StatusCollector collector, ControlCommands commands) throws IOException {
        return open(path, (StatusSource) collector::collect, commands);
    }

    /** A control socket that reports and refuses every command. */
    static ControlServer open(Path path, StatusSource status) throws IOException {
        return open(path, status, ControlCommands.NONE);
    }

    /** @throws IOException saying "cannot open the control socket FILE: CAUSE" */
    static ControlServer open(Path path, StatusSource status, ControlCommands commands) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            Files.deleteIfExists(path);
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
            return new ControlServer(path, server, status, commands, ControlAccess.of(path));
        } catch (IOException e) {
            server.close();
            throw new IOException(FileErrors.describe("open the control socket", path, e), e);
        }
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                if (clients.tryAcquire()) {
                    Thread.ofVirtual().name("control-client").start(() -> serveWithin(client));
                } else {
                    refuse(client);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveWithin(SocketChannel client) {
        try {
            ScheduledFuture<?> cutOff = timer.schedule(() -> closeQuietly(client), CLIENT_SECONDS, TimeUnit.SECONDS);
            try {
                serve(client);
            } finally {
                cutOff.cancel(false);
            }
        } catch (RejectedExecutionException closing) {
            closeQuietly(client); // accepted just before the server closed: nobody will answer it
        } finally {
            clients.release();
        }
    }

    private void serve(SocketChannel client) {
        try (client;
                OutputStream out = Channels.newOutputStream(client)) {
            String request = requestLine(Channels.newInputStream(client));
            String answer = request == null ? "error: request too long\n" : answer(client, request.trim());
            out.write(answer.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            // The client went away, took too long, or the table could not be listed; the client sees a short answer.
        }
    }

    private String answer(SocketChannel client, String request) throws IOException, IpvsException {
        List<String> words = List.of(request.split("\\s+"));
        if (ControlCommands.WORDS.contains(words.getFirst())) {
            return command(peer(client), request, words);
        }
        return switch (request) {
            case "status" -> StatusText.render(status.report());
            case "status json" -> StatusJson.render(status.report());
            case "health" -> status.health().orElseThrow().line() + "\n";
            default -> "error: unknown request\n";
        };
    }

    private String command(ControlAccess.Peer peer, String request, List<String> words) {
        if (!access.mayChange(peer)) {
            String why = access.refusal(peer);
            commands.refused(request, peer.toString(), why);
            return "error: " + why + "\n";
        }
        ControlAnswer answer = commands.run(words, peer.toString());
        return (answer.ok() ? "ok: " : "error: ") + answer.text() + "\n";
    }

    private static ControlAccess.Peer peer(SocketChannel client) throws IOException {
        UnixDomainPrincipal principal = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return new ControlAccess.Peer(
                principal.user().getName(), principal.group().getName());
    }

    /** The first line (without its newline, or up to the end of input); null when it is longer than allowed. */
    static String requestLine(InputStream in) throws IOException {
        byte[] line = new byte[MAX_REQUEST_BYTES];
        int length = 0;
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (length == line.length) {
                return null;
            }
            line[length++] = (byte) b;
        }
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    private static void refuse(SocketChannel client) {
        try (client;
                OutputStream out = Channels.newOutputStream(client)) {
            out.write("error: too many clients\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // Nothing to tell a client that is gone.
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // Already closed.
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
        timer.shutdownNow();
    }
}
