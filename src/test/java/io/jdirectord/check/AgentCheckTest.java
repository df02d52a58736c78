package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.ProbeSpec;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** AgentCheck against scripted agents on IPv4 and IPv6 loopback: one bounded line within the deadline. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AgentCheckTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private final CheckRunner runner = new CheckRunner();

    static Iterable<InetAddress> families() {
        return Loopback.both();
    }

    private static AgentCheck agent(InetAddress address, int port, String send) {
        CheckSpec check = CheckSpec.builder()
                .type(CheckType.CONNECT)
                .request(send)
                .checkTimeout(TIMEOUT)
                .maxReceiveBytes(AgentCheck.MAX_LINE)
                .build();
        return new AgentCheck(new ProbeSpec(check, new Endpoint(address, port), Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("families")
    void upWithTheFirstLineTheAgentSends(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, c -> c.send("75% up # busy\r\nignored\n"))) {
            CheckResult result = runner.run(agent(address, server.port(), ""));

            assertThat(result.up()).isTrue();
            assertThat(result.reason()).isEqualTo("75% up # busy");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void sendsAgentsendFollowedByANewlineBeforeReading(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, c -> {
            String asked = c.readLine();
            c.send("ready # asked " + asked + "\n");
        })) {
            CheckResult result = runner.run(agent(address, server.port(), "status web"));

            assertThat(result.reason()).isEqualTo("ready # asked status web");
            assertThat(server.received()).containsExactly("status web");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenTheAgentRefuses(InetAddress address) throws Exception {
        CheckResult result = runner.run(agent(address, Loopback.closedPort(address), ""));

        assertThat(result.up()).isFalse();
        assertThat(result.reason()).contains("refused");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenTheAgentSaysNothingByTheDeadline(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, ScriptedServer.Connection::stayQuiet)) {
            CheckResult result = runner.run(agent(address, server.port(), ""));

            assertThat(result.up()).isFalse();
            assertThat(result.reason()).contains("1500 ms");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenTheAgentClosesWithoutALine(InetAddress address) throws Exception {
        try (ScriptedServer server =
                ScriptedServer.start(address, c -> c.socket().close())) {
            CheckResult result = runner.run(agent(address, server.port(), ""));

            assertThat(result.reason()).isEqualTo("the agent closed the connection without an answer");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenTheLineIsLongerThanTheLimit(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, c -> c.sendForever("50% "))) {
            CheckResult result = runner.run(agent(address, server.port(), ""));

            assertThat(result.up()).isFalse();
            assertThat(result.reason()).isEqualTo("the agent's answer is longer than 512 bytes");
        }
    }
}
