package io.jdirectord.daemon;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load agent end to end: the built jar in dry-run mode asks a real agent program (a few lines of
 * python3, started by the test, answering each connection with the line in a file the test rewrites)
 * and the dry-run table follows its answers: 100%, 50%, drain, down, ready. When the agent stops
 * answering, the table keeps its last answer. Without python3 the test skips, or fails under CI=true.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AgentDaemonIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Listens on a free loopback port, prints it, and answers every connection with the file's first line. */
    private static final String AGENT = """
            import socket, sys
            server = socket.socket()
            server.bind(("127.0.0.1", 0))
            server.listen(16)
            print(server.getsockname()[1], flush=True)
            while True:
                connection, _ = server.accept()
                with connection:
                    try:
                        with open(sys.argv[1]) as answer:
                            connection.sendall((answer.readline().strip() + "\\n").encode())
                    except OSError:
                        pass
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final Resources resources = new Resources();

    private Path answer;

    @Test
    void theTableFollowsTheAgentsAnswersAndKeepsTheLastWhenItStopsAnswering() throws Exception {
        require(Files.isExecutable(PYTHON), PYTHON.toString());
        require(Files.isRegularFile(DaemonProcess.JAR), DaemonProcess.JAR + " (mvn package)");
        ServerSocket real = resources.keep(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread.ofVirtual().start(() -> acceptAndClose(real));
        answer = dir.resolve("answer");
        say("100%");
        Agent agent = resources.keep(Agent.start(dir, answer));
        String key = "-t 192.0.2.30:80 -r 127.0.0.1:" + real.getLocalPort();
        String destination = key + " -m";
        DaemonProcess daemon = resources.keep(DaemonProcess.start(
                Files.createDirectories(dir.resolve("daemon")), """
                checkinterval=0.5
                checktimeout=1
                virtual=192.0.2.30:80
                    checktype=connect
                    real=127.0.0.1:%d masq 10
                    agentport=%d
                    agentinterval=0.5
                """.formatted(real.getLocalPort(), agent.port())));
        daemon.awaitOperation("ipvsadm -a " + destination + " -w 10", WAIT);

        say("50% # half load");
        daemon.awaitOperation("ipvsadm -e " + destination + " -w 5", WAIT);
        daemon.awaitEvent("agent", WAIT, "answer=50%", "half load");
        say("drain");
        daemon.awaitOperation("ipvsadm -e " + destination + " -w 0", WAIT);
        say("down # maintenance");
        daemon.awaitOperation("ipvsadm -d " + key, WAIT);
        say("ready 100%");
        int readded = daemon.operations().size();
        daemon.awaitOperation(readded, "ipvsadm -a " + destination + " -w 10", WAIT);

        agent.close();
        daemon.awaitEvent("agent-failure", WAIT, "agent=127.0.0.1:" + agent.port(), "kept=100%");
        List<String> before = daemon.operations();
        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(daemon.operations()).isEqualTo(before));
        assertThat(daemon.log()).noneMatch(DaemonProcess.event("internal-error"));
        assertThat(daemon.stop()).isZero();
    }

    /** The real server: accepts every connection the connect check opens and closes it. */
    private static void acceptAndClose(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                server.accept().close();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Makes the agent answer {@code line} from its next connection on. */
    private void say(String line) throws IOException {
        Path temp = answer.resolveSibling("answer.new");
        Files.writeString(temp, line + "\n");
        Files.move(temp, answer, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The agent program, running until closed. */
    private record Agent(Process process, int port) implements AutoCloseable {

        static Agent start(Path dir, Path answer) throws IOException {
            Path script = dir.resolve("agent.py");
            Files.writeString(script, AGENT);
            Process process = new ProcessBuilder(PYTHON.toString(), script.toString(), answer.toString())
                    .redirectError(dir.resolve("agent.err").toFile())
                    .start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            String port = out.readLine();
            if (port == null) {
                process.destroyForcibly();
                throw new IOException("the agent did not start: " + Files.readString(dir.resolve("agent.err")));
            }
            return new Agent(process, Integer.parseInt(port.strip()));
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
