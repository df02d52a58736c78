package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.SipSpec;
import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.checks.testing.KamailioServer;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.ServiceKind;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
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

    private static Path directory;
    private static KamailioServer kamailio;
    private static int port;

    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startKamailio() throws Exception {
        HostCommands.requireExecutable(KamailioServer.BINARY);
        directory = HostCommands.openTempDirectory("jdirectord-kamailio");
        kamailio = KamailioServer.start(directory);
        port = kamailio.port();
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
        return runner.run(new SipCheck(SipSpec.of(Probes.negotiate(ServiceKind.SIP, address, target)
                .protocol(protocol)
                .login(login, "")
                .timeout(Duration.ofSeconds(5))
                .build())));
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
        KamailioServer other = KamailioServer.start(directory);
        int otherPort = other.port();
        try {
            assertThat(check(Protocol.UDP, Loopback.V4, otherPort, "alive@example.test")
                            .up())
                    .isTrue();
        } finally {
            other.close();
        }
        assertThat(check(Protocol.UDP, Loopback.V4, otherPort, "alive@example.test")
                        .reason())
                .isEqualTo("port unreachable");
        assertThat(check(Protocol.TCP, Loopback.V6, otherPort, "alive@example.test")
                        .reason())
                .isEqualTo("connection refused");
    }
}
