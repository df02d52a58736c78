package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.check.spec.FtpSpec;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.config.ServiceKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FtpCheckTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration SHORT = Duration.ofMillis(700);

    @TempDir
    Path root;

    private final CheckRunner runner = new CheckRunner();

    private static Probes ftp(InetAddress address, int port) {
        return Probes.negotiate(ServiceKind.FTP, address, port).timeout(Duration.ofSeconds(5));
    }

    private CheckResult check(Probes spec) {
        return runner.run(new FtpCheck(FtpSpec.of(spec.build())));
    }

    private CheckResult check(ScriptedServer server) {
        return check(ftp(LOOPBACK, server.port()).timeout(SHORT));
    }

    /** An Apache FtpServer serving {@link #root} to anonymous and to bob/secret. */
    private FtpServer ftpServer(String address) throws FtpException, IOException {
        Files.writeString(root.resolve("health.html"), "<p>service OK</p>\n");
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress(address);
        listener.setPort(0);
        factory.addListener("default", listener.createListener());
        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        users.save(user("anonymous", ""));
        users.save(user("bob", "secret"));
        factory.setUserManager(users);
        FtpServer server = factory.createServer();
        server.start();
        return server;
    }

    private BaseUser user(String name, String password) {
        BaseUser user = new BaseUser();
        user.setName(name);
        user.setPassword(password);
        user.setHomeDirectory(root.toString());
        return user;
    }

    private static int port(FtpServer server) {
        return ((DefaultFtpServer) server).getListener("default").getPort();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void passesWhenTheDownloadMatchesReceive(String address) throws Exception {
        FtpServer server = ftpServer(address);
        try {
            CheckResult result = check(ftp(InetAddress.getByName(address), port(server))
                    .login("anonymous", "ldirectord@example")
                    .request("/health.html")
                    .receive("service O+K"));
            assertThat(result.up()).as(result.reason()).isTrue();
            assertThat(result.reason()).isEqualTo("RETR /health.html: receive pattern 'service O+K' found in 18 bytes");
        } finally {
            server.stop();
        }
    }

    @Test
    void logsInWithTheConfiguredAccountAndChecksNoContentWithoutReceive() throws Exception {
        FtpServer server = ftpServer("127.0.0.1");
        try {
            CheckResult result =
                    check(ftp(LOOPBACK, port(server)).login("bob", "secret").request("/health.html"));
            assertThat(result)
                    .extracting(CheckResult::up, CheckResult::reason)
                    .containsExactly(true, "RETR /health.html: 18 bytes");
        } finally {
            server.stop();
        }
    }

    @Test
    void failsWhenTheDownloadDoesNotMatchReceive() throws Exception {
        FtpServer server = ftpServer("127.0.0.1");
        try {
            CheckResult result =
                    check(ftp(LOOPBACK, port(server)).request("/health.html").receive("MAINTENANCE"));
            assertThat(result)
                    .extracting(CheckResult::up, CheckResult::reason)
                    .containsExactly(false, "receive pattern 'MAINTENANCE' not found in 18 bytes");
        } finally {
            server.stop();
        }
    }

    @Test
    void failsWithTheServersReplyWhenTheFileIsMissing() throws Exception {
        FtpServer server = ftpServer("127.0.0.1");
        try {
            CheckResult result = check(ftp(LOOPBACK, port(server)).request("/missing.html"));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).startsWith("RETR /missing.html: 550 ");
        } finally {
            server.stop();
        }
    }

    @Test
    void failsWithTheServersReplyOnAWrongPassword() throws Exception {
        FtpServer server = ftpServer("127.0.0.1");
        try {
            CheckResult result = check(ftp(LOOPBACK, port(server)).login("bob", "wrong"));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).startsWith("FTP login as bob: 530 ");
        } finally {
            server.stop();
        }
    }

    @Test
    void failsOnARefusingGreeting() throws Exception {
        try (ScriptedServer server =
                ScriptedServer.conversation(LOOPBACK, client -> client.send("554 not today\r\n"))) {
            assertThat(check(server))
                    .extracting(CheckResult::up, CheckResult::reason)
                    .containsExactly(false, "FTP greeting 554 not today");
        }
    }

    @Test
    void reportsTheTextOfA421Greeting() throws Exception {
        try (ScriptedServer server =
                ScriptedServer.conversation(LOOPBACK, client -> client.send("421 too many users\r\n"))) {
            assertThat(check(server).reason()).isEqualTo("FTP greeting 421 too many users");
        }
    }

    @Test
    void readsOnlyTheFirstBytesOfAnEndlessFile() throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(
                LOOPBACK, new FileServer("127,0,0,1", "still going\n", Integer.MAX_VALUE))) {
            CheckResult found = check(ftp(LOOPBACK, server.port()).receive("going"));
            assertThat(found)
                    .extracting(CheckResult::up, CheckResult::reason)
                    .containsExactly(true, "RETR /: receive pattern 'going' found in the first 64 KiB");
            CheckResult missing = check(ftp(LOOPBACK, server.port()).receive("done"));
            assertThat(missing)
                    .extracting(CheckResult::up, CheckResult::reason)
                    .containsExactly(false, "receive pattern 'done' not found in the first 64 KiB");
            assertThat(missing.elapsed()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void connectsTheDataChannelToTheControlAddressWhateverPasvSays() throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, new FileServer("127,0,0,2", "fine\n", 1))) {
            CheckResult result =
                    check(ftp(LOOPBACK, server.port()).request("/x").receive("^fine$"));
            assertThat(result.up()).as(result.reason()).isTrue();
        }
    }

    @Test
    void givesUpOnABackTrackingPatternAtTheDeadline() throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, new FileServer("127,0,0,1", "x", 30))) {
            CheckResult result = check(
                    ftp(LOOPBACK, server.port()).timeout(Duration.ofSeconds(2)).receive("((x+)*)*y$"));
            assertThat(result.reason()).isEqualTo("receive pattern search: timeout after 2000 ms");
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void failsCleanlyWhenThePatternRecursesTooDeep() throws Exception {
        try (ScriptedServer server =
                ScriptedServer.conversation(LOOPBACK, new FileServer("127,0,0,1", "a", Integer.MAX_VALUE))) {
            CheckResult result = check(ftp(LOOPBACK, server.port()).receive("(a|aa)+b$"));
            assertThat(result.reason()).isEqualTo("receive pattern '(a|aa)+b$' recursed too deep in the first 64 KiB");
        }
    }

    @Test
    void rejectsAnInvalidReceivePatternWhenCreated() {
        assertThatThrownBy(() -> new FtpCheck(
                        FtpSpec.of(ftp(LOOPBACK, 21).receive("(unclosed").build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(unclosed");
    }

    /**
     * A minimal passive-mode FTP server whose every file is {@code chunk} repeated {@code copies} times or
     * until the client hangs up; PASV replies name {@code pasvAddress}, the data port listens on 127.0.0.1.
     */
    private record FileServer(String pasvAddress, String chunk, int copies) implements ScriptedServer.Script {
        @Override
        public void serve(ScriptedServer.Connection client) throws IOException {
            client.send("220 scripted\r\n");
            try (ServerSocket data = new ServerSocket()) {
                data.bind(new InetSocketAddress(LOOPBACK, 0));
                for (String line = client.readLine(); line != null; line = client.readLine()) {
                    String verb = line.split(" ")[0];
                    switch (verb) {
                        case "USER" -> client.send("331 password please\r\n");
                        case "PASV" ->
                            client.send("227 Entering Passive Mode (" + pasvAddress + "," + data.getLocalPort() / 256
                                    + "," + data.getLocalPort() % 256 + ")\r\n");
                        case "RETR" -> sendFile(client, data);
                        case "QUIT" -> {
                            client.send("221 bye\r\n");
                            return;
                        }
                        default ->
                            client.send(
                                    List.of("PASS", "CWD", "TYPE").contains(verb)
                                            ? "230 fine\r\n"
                                            : "502 not here\r\n");
                    }
                }
            }
        }

        private void sendFile(ScriptedServer.Connection client, ServerSocket data) throws IOException {
            client.send("150 here it comes\r\n");
            byte[] bytes = chunk.getBytes(StandardCharsets.ISO_8859_1);
            try (Socket transfer = data.accept();
                    OutputStream out = transfer.getOutputStream()) {
                for (int copy = 0; copy < copies; copy++) {
                    out.write(bytes);
                }
            } catch (IOException clientStopped) {
                client.send("426 transfer aborted\r\n");
                return;
            }
            client.send("226 done\r\n");
        }
    }
}
