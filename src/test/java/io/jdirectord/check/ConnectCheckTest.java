package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.Probe;
import io.jdirectord.check.testing.FullBacklog;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.check.testing.Scripts;
import io.jdirectord.config.CheckType;
import io.jdirectord.testing.Slack;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectCheckTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private final CheckRunner runner = new CheckRunner();

    static Iterable<InetAddress> families() {
        return Loopback.both();
    }

    private static ConnectCheck check(InetAddress address, int port) {
        return new ConnectCheck(Probe.connect(Probes.to(address, port)
                .type(CheckType.CONNECT)
                .timeout(TIMEOUT)
                .build()));
    }

    @ParameterizedTest
    @MethodSource("families")
    void upWhenThePortAcceptsAConnection(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, Scripts.silent())) {
            CheckResult result = runner.run(check(address, server.port()));
            assertThat(result.up()).isTrue();
            assertThat(result.reason()).isEqualTo("connected");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWithConnectionRefusedWhenNothingListens(InetAddress address) throws Exception {
        CheckResult result = runner.run(check(address, Loopback.closedPort(address)));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("connection refused");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWithConnectTimeoutWhenSynsAreDropped(InetAddress address) throws Exception {
        try (FullBacklog dead = FullBacklog.on(address)) {
            CheckResult result = runner.run(check(address, dead.port()));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).isEqualTo("connect timeout after 1500 ms");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void probesTheCheckPortInsteadOfTheRealPort(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, Scripts.silent())) {
            ConnectCheck check = new ConnectCheck(Probe.connect(Probes.to(address, Loopback.closedPort(address))
                    .type(CheckType.CONNECT)
                    .checkPort(server.port())
                    .timeout(TIMEOUT)
                    .build()));
            assertThat(runner.run(check).up()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void timeoutIsTheCheckTimeout(InetAddress address) {
        ConnectCheck check = new ConnectCheck(Probe.connect(Probes.to(address, 80)
                .type(CheckType.CONNECT)
                .timeouts(Duration.ofSeconds(3), Duration.ofSeconds(9))
                .build()));
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(3));
    }
}
