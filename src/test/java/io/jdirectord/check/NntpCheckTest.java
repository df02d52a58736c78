package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.Probe;
import io.jdirectord.check.testing.FullBacklog;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.check.testing.ScriptedServer.Script;
import io.jdirectord.check.testing.Scripts;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.testing.Slack;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NntpCheckTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private final CheckRunner runner = new CheckRunner();

    static Iterable<InetAddress> families() {
        return Loopback.both();
    }

    private static NntpCheck check(InetAddress address, int port) {
        return new NntpCheck(Probe.negotiate(Probes.to(address, port)
                .service(ServiceKind.NNTP)
                .timeouts(Duration.ofSeconds(30), TIMEOUT)
                .build()));
    }

    static List<Arguments> servers() {
        List<Arguments> cases = new ArrayList<>();
        for (InetAddress address : Loopback.both()) {
            cases.add(Arguments.of(
                    address,
                    "a 200 greeting",
                    Scripts.sendAndClose("200 news.example.test ready\r\n"),
                    true,
                    "NNTP greeting '200 news.example.test ready'"));
            cases.add(Arguments.of(
                    address,
                    "a 201 greeting kept open",
                    Scripts.sendAndHold("201 no posting\r\n"),
                    true,
                    "NNTP greeting '201 no posting'"));
            cases.add(Arguments.of(
                    address,
                    "a protocol error",
                    Scripts.sendAndClose("502 access denied\r\n"),
                    false,
                    "NNTP greeting '502 access denied' is not 2xx"));
            cases.add(Arguments.of(
                    address,
                    "garbage",
                    Scripts.sendAndClose("\u0001\u0002garbage\r\n"),
                    false,
                    "NNTP greeting '??garbage' is not 2xx"));
            cases.add(Arguments.of(
                    address,
                    "an immediate close",
                    Scripts.sendAndClose(""),
                    false,
                    "connection closed before the NNTP greeting"));
        }
        return cases;
    }

    @ParameterizedTest(name = "{1} over {0}")
    @MethodSource("servers")
    void judgesTheFirstByteOfTheGreeting(InetAddress address, String name, Script script, boolean up, String reason)
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, script)) {
            CheckResult result = runner.run(check(address, server.port()));
            assertThat(result.up()).isEqualTo(up);
            assertThat(result.reason()).isEqualTo(reason);
            assertThat(result.elapsed()).isLessThan(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void readsOnlyTheStartOfAHugeGreeting(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, Scripts.flood("200 ", 'x', 50L << 20))) {
            CheckResult result = runner.run(check(address, server.port()));
            assertThat(result.up()).isTrue();
            assertThat(result.reason()).startsWith("NNTP greeting '200").hasSizeLessThan(100);
            assertThat(result.elapsed()).isLessThan(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenRefused(InetAddress address) throws Exception {
        CheckResult result = runner.run(check(address, Loopback.closedPort(address)));
        assertThat(result.reason()).isEqualTo("connection refused");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downAtTheDeadlineWhenTheServerNeverGreets(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, Scripts.silent())) {
            CheckResult result = runner.run(check(address, server.port()));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).isEqualTo("timeout after 1500 ms waiting for the NNTP greeting");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void boundsTheConnectByTheNegotiateTimeoutUnlikeLdirectord(InetAddress address) throws Exception {
        try (FullBacklog dead = FullBacklog.on(address)) {
            CheckResult result = runner.run(check(address, dead.port()));
            assertThat(result.reason()).isEqualTo("connect timeout after 1500 ms");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }
}
