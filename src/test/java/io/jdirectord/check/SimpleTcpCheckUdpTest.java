package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.SimpleTcpSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.UdpResponder;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.testing.Slack;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimpleTcpCheckUdpTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private final CheckRunner runner = new CheckRunner();

    static Iterable<InetAddress> families() {
        return Loopback.both();
    }

    private static SimpleTcpCheck check(InetAddress address, int port, int maxReceive) {
        return new SimpleTcpCheck(SimpleTcpSpec.of(Probes.to(address, port)
                .service(ServiceKind.SIMPLETCP)
                .protocol(Protocol.UDP)
                .request("/STATUS\\n")
                .receive("^ready")
                .timeout(TIMEOUT)
                .maxReceive(maxReceive)
                .build()));
    }

    @ParameterizedTest
    @MethodSource("families")
    void upWhenALineOfAReplyDatagramMatches(InetAddress address) throws Exception {
        try (UdpResponder server = UdpResponder.start(address, "starting\nready")) {
            CheckResult result = runner.run(check(address, server.port(), 65536));
            assertThat(result.reason()).isEqualTo("received 'ready'");
            assertThat(server.received()).containsExactly("STATUS\n");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void searchesLaterDatagramsToo(InetAddress address) throws Exception {
        try (UdpResponder server = UdpResponder.start(address, "busy", "ready\n")) {
            assertThat(runner.run(check(address, server.port(), 65536)).up()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downAtTheDeadlineWhenNoDatagramMatches(InetAddress address) throws Exception {
        try (UdpResponder server = UdpResponder.start(address, "busy")) {
            CheckResult result = runner.run(check(address, server.port(), 65536));
            assertThat(result.reason()).isEqualTo("timeout after 1500 ms waiting for a UDP reply matching '^ready'");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void stopsAtTheByteLimit(InetAddress address) throws Exception {
        try (UdpResponder server = UdpResponder.start(address, "x".repeat(1000), "ready")) {
            CheckResult result = runner.run(check(address, server.port(), 1000));
            assertThat(result.reason())
                    .isEqualTo("receive pattern '^ready' not found in the first 1000 B (reply truncated)");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWithPortUnreachableWhenNothingListens(InetAddress address) throws Exception {
        CheckResult result = runner.run(check(address, Loopback.closedUdpPort(address), 65536));
        assertThat(result.reason()).isEqualTo("port unreachable");
        assertThat(result.elapsed()).isLessThan(TIMEOUT);
    }
}
