package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.DnsSpec;
import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.checks.testing.UnboundServer;
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
 * DnsCheck against Debian's unbound serving a throw-away local zone on 127.0.0.1 and ::1, over UDP and
 * TCP. Skipped when unbound is missing, failed instead when CI=true.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UnboundIT {

    private static Path directory;
    private static UnboundServer unbound;
    private static int port;

    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startUnbound() throws Exception {
        HostCommands.requireExecutable(UnboundServer.BINARY);
        directory = HostCommands.openTempDirectory("jdirectord-unbound");
        unbound = UnboundServer.start(directory);
        port = unbound.port();
    }

    @AfterAll
    static void stopUnbound() {
        if (unbound != null) {
            unbound.close();
        }
        HostCommands.deleteTree(directory);
    }

    static Stream<Arguments> transports() {
        return Stream.of(Protocol.UDP, Protocol.TCP)
                .flatMap(protocol -> Loopback.both().stream().map(address -> Arguments.of(protocol, address)));
    }

    private CheckResult check(Protocol protocol, InetAddress address, int target, String request, String receive) {
        return runner.run(new DnsCheck(DnsSpec.of(Probes.negotiate(ServiceKind.DNS, address, target)
                .protocol(protocol)
                .request(request)
                .receive(receive)
                .timeout(Duration.ofSeconds(5))
                .build())));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void upWhenTheARecordMatches(Protocol protocol, InetAddress address) {
        CheckResult result = check(protocol, address, port, "/www.example.test", "^192\\.0\\.2\\.1$");
        assertThat(result.reason()).isEqualTo("DNS: www.example.test A 192.0.2.1 matched '^192\\.0\\.2\\.1$'");
        assertThat(result.up()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("transports")
    void upWhenTheAaaaAndPtrRecordsMatch(Protocol protocol, InetAddress address) {
        assertThat(check(protocol, address, port, "/www.example.test", "2001:db8::1")
                        .up())
                .isTrue();
        assertThat(check(protocol, address, port, "/192.0.2.1", "^www\\.example\\.test$")
                        .reason())
                .isEqualTo("DNS: 192.0.2.1 PTR www.example.test matched '^www\\.example\\.test$'");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void downWhenTheAnswerDiffers(Protocol protocol, InetAddress address) {
        assertThat(check(protocol, address, port, "/www.example.test", "192.0.2.99")
                        .reason())
                .isEqualTo("DNS: no A record for www.example.test matched '192.0.2.99' (answer: 192.0.2.1)");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void downWithNxdomainForAMissingName(Protocol protocol, InetAddress address) {
        assertThat(check(protocol, address, port, "/nothing.example.test", "192.0.2.1")
                        .reason())
                .isEqualTo("DNS NXDOMAIN for nothing.example.test");
    }

    @Test
    void downOnceTheServerIsStopped() throws Exception {
        UnboundServer other = UnboundServer.start(directory);
        int otherPort = other.port();
        try {
            assertThat(check(Protocol.UDP, Loopback.V6, otherPort, "/www.example.test", "192.0.2.1")
                            .up())
                    .isTrue();
        } finally {
            other.close();
        }
        assertThat(check(Protocol.UDP, Loopback.V6, otherPort, "/www.example.test", "192.0.2.1")
                        .reason())
                .isEqualTo("port unreachable");
        assertThat(check(Protocol.TCP, Loopback.V4, otherPort, "/www.example.test", "192.0.2.1")
                        .reason())
                .isEqualTo("connection refused");
    }
}
