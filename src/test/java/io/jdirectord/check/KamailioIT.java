package io.jdirectord.check;

import io.jdirectord.checks.testing.LocalDaemon;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.ServiceKind;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SipCheck against Debian's kamailio on 127.0.0.1 and ::1, UDP and TCP, with a configuration that answers
 * OPTIONS for user "alive" (or for the server itself) with 200 and everything else with 404. Skipped when
 * kamailio is missing, failed instead when CI=true.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KamailioIT {

    private static final String KAMAILIO = "/usr/sbin/kamailio";

    private static Path directory;
    private static LocalDaemon kamailio;
    private static int port;

    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startKamailio() throws Exception {
        HostCommands.requireExecutable(KAMAILIO);
        directory = HostCommands.openTempDirectory("jdirectord-kamailio");
        port = HostCommands.freePort(Loopback.V4);
        kamailio = start(port);
    }

    private static LocalDaemon start(int listenPort) throws Exception {
        Path runtime = Files.createDirectories(directory.resolve("run-" + listenPort));
        Path config = directory.resolve("kamailio-" + listenPort + ".cfg");
        Files.writeString(config, String.join("\n",
                "#!KAMAILIO",
                "debug=2",
                "log_stderror=yes",
                "children=1",
                "tcp_children=1",
                "auto_aliases=no",
                "listen=udp:127.0.0.1:" + listenPort,
                "listen=tcp:127.0.0.1:" + listenPort,
                "listen=udp:[::1]:" + listenPort,
                "listen=tcp:[::1]:" + listenPort,
                "loadmodule \"sl.so\"",
                "loadmodule \"pv.so\"",
                "request_route {",
                "  if ($rm == \"OPTIONS\" && ($rU == \"alive\" || $rU == $null)) {",
                "    sl_send_reply(\"200\", \"OK\");",
                "    exit;",
                "  }",
                "  sl_send_reply(\"404\", \"Not Found\");",
                "  exit;",
                "}") + "\n");
        LocalDaemon daemon = LocalDaemon.start("kamailio",
                List.of(KAMAILIO, "-DD", "-E", "-f", config.toString(), "-Y", runtime.toString(),
                        "-w", directory.toString(), "-m", "32", "-M", "8"),
                directory.resolve("kamailio-" + listenPort + ".log"));
        daemon.awaitListening(Loopback.V4, listenPort);
        daemon.awaitListening(Loopback.V6, listenPort);
        return daemon;
    }

    @AfterAll
    static void stopKamailio() {
        if (kamailio != null) {
            kamailio.close();
        }
        HostCommands.deleteTree(directory);
    }

    static Stream<Arguments> transports() {
        return Stream.of(Protocol.UDP, Protocol.TCP)
                .flatMap(protocol -> Loopback.both().stream().map(address -> Arguments.of(protocol, address)));
    }

    private CheckResult check(Protocol protocol, InetAddress address, int target, String login) {
        return runner.run(new SipCheck(Probes.negotiate(ServiceKind.SIP, address, target).protocol(protocol)
                .login(login, "").timeout(Duration.ofSeconds(5)).build()));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void upWhenKamailioAnswersOptionsWith200(Protocol protocol, InetAddress address) {
        CheckResult result = check(protocol, address, port, "alive@example.test");
        assertThat(result).extracting(CheckResult::up, CheckResult::reason).containsExactly(true, "SIP 200 OK");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void upForTheServersOwnUriWhenLoginIsEmpty(Protocol protocol, InetAddress address) {
        assertThat(check(protocol, address, port, "").reason()).isEqualTo("SIP 200 OK");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void downWithKamailiosStatusForAnotherUser(Protocol protocol, InetAddress address) {
        CheckResult result = check(protocol, address, port, "nobody@example.test");
        assertThat(result).extracting(CheckResult::up, CheckResult::reason).containsExactly(false, "SIP 404 Not Found");
    }

    @Test
    void downOnceKamailioIsStopped() throws Exception {
        int otherPort = HostCommands.freePort(Loopback.V4);
        LocalDaemon other = start(otherPort);
        try {
            assertThat(check(Protocol.UDP, Loopback.V4, otherPort, "alive@example.test").up()).isTrue();
        } finally {
            other.close();
        }
        assertThat(check(Protocol.UDP, Loopback.V4, otherPort, "alive@example.test").reason())
                .isEqualTo("port unreachable");
        assertThat(check(Protocol.TCP, Loopback.V6, otherPort, "alive@example.test").reason())
                .isEqualTo("connection refused");
    }
}
