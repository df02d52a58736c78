package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jdirectord.engine.ControlAnswer;
import io.jdirectord.ipvs.IpvsException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ControlServerTest {

    @TempDir
    Path dir;

    private Path socket;
    private ControlServer server;
    private final List<SocketChannel> clients = new ArrayList<>();

    @BeforeEach
    void open() throws IOException {
        socket = dir.resolve("jdirectord.sock");
        server = ControlServer.open(socket, () -> {
            throw new IpvsException("Operation not permitted", 1);
        });
    }

    @AfterEach
    void close() throws IOException {
        for (SocketChannel client : clients) {
            client.close();
        }
        server.close();
    }

    private SocketChannel connect() throws IOException {
        SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX);
        client.connect(UnixDomainSocketAddress.of(socket));
        clients.add(client);
        return client;
    }

    private static String answer(SocketChannel client) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (client.read(buffer) >= 0 && buffer.hasRemaining()) {
            // until the server closes
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static void send(SocketChannel client, String text) throws IOException {
        client.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersAnUnknownRequestWithAnError() throws IOException {
        SocketChannel client = connect();
        send(client, "reboot\n");

        assertThat(answer(client)).isEqualTo("error: unknown request\n");
    }

    @Test
    void stopsReadingARequestLineLongerThanAllowed() throws IOException {
        SocketChannel client = connect();
        send(client, "s".repeat(ControlServer.MAX_REQUEST_BYTES + 1));

        assertThat(answer(client)).isEqualTo("error: request too long\n");
    }

    @Test
    void closesAClientThatSendsNothing() throws IOException {
        SocketChannel client = connect();

        await().atMost(Duration.ofSeconds(ControlServer.CLIENT_SECONDS + 10))
                .until(() -> client.read(ByteBuffer.allocate(1)) < 0);
    }

    @Test
    void answersACommandOfADaemonThatTakesNoneWithAnError() throws IOException {
        SocketChannel client = connect();
        send(client, "disable 10.0.0.1\n");

        assertThat(answer(client)).isEqualTo("error: this daemon takes no commands\n");
    }

    @Test
    void passesACommandFromRootOnSayingWhoAsked() throws IOException {
        assumeTrue(isRoot(), "the test runs as root to know its credentials");
        RecordingCommands commands = new RecordingCommands();
        Path other = dir.resolve("commands.sock");
        ControlServer withCommands = openWith(other, commands);
        try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            client.connect(UnixDomainSocketAddress.of(other));
            send(client, "drain 60 tcp:192.0.2.10:80 10.0.0.1:80\n");

            assertThat(answer(client)).isEqualTo("ok: done\n");
        } finally {
            withCommands.close();
        }
        assertThat(commands.runs).containsExactly("drain 60 tcp:192.0.2.10:80 10.0.0.1:80 by user root (group root)");
    }

    @Test
    void refusesACommandFromAUserOutsideTheGroupAndLogsTheRefusal() throws Exception {
        assumeTrue(isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root and setpriv");
        RecordingCommands commands = new RecordingCommands();
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path other = open.resolve("commands.sock");
        ControlServer withCommands = openWith(other, commands);
        try {
            Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-rw-rw-"));

            String answer = asNobody(other, "disable 10.0.0.1");

            assertThat(answer)
                    .startsWith("error: permission denied: user nobody (group nogroup) may read the status only");
        } finally {
            withCommands.close();
        }
        assertThat(commands.runs).isEmpty();
        assertThat(commands.refusals).singleElement().asString().startsWith("disable 10.0.0.1 by user nobody");
    }

    private static ControlServer openWith(Path socket, ControlCommands commands) throws IOException {
        return ControlServer.open(
                socket,
                () -> {
                    throw new IpvsException("Operation not permitted", 1);
                },
                commands);
    }

    /** Sends one request line as the user nobody (uid and gid 65534, no other group) and returns the answer. */
    private static String asNobody(Path socket, String request) throws Exception {
        Process client = new ProcessBuilder(
                        "setpriv",
                        "--reuid=65534",
                        "--regid=65534",
                        "--clear-groups",
                        "/usr/bin/python3",
                        "-c",
                        "import socket,sys\n"
                                + "s=socket.socket(socket.AF_UNIX)\n"
                                + "s.connect(sys.argv[1])\n"
                                + "s.sendall(sys.argv[2].encode()+b'\\n')\n"
                                + "sys.stdout.write(s.makefile().read())\n",
                        socket.toString(),
                        request)
                .redirectErrorStream(true)
                .start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(client.waitFor()).as(output).isZero();
        return output;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static final class RecordingCommands implements ControlCommands {
        final List<String> runs = new CopyOnWriteArrayList<>();
        final List<String> refusals = new CopyOnWriteArrayList<>();

        @Override
        public ControlAnswer run(List<String> words, String requester) {
            runs.add(String.join(" ", words) + " by " + requester);
            return new ControlAnswer(true, "done", List.of(), 1);
        }

        @Override
        public void refused(String request, String requester, String why) {
            refusals.add(request + " by " + requester + ": " + why);
        }
    }

    @Test
    void turnsAwayAClientBeyondTheLimitWhileOthersAreIdle() throws IOException {
        for (int i = 0; i < ControlServer.MAX_CLIENTS; i++) {
            connect();
        }

        assertThat(answer(connect())).isEqualTo("error: too many clients\n");
    }
}
