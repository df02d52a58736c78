package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.SimpleTcpSpec;
import io.jdirectord.check.testing.FullBacklog;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.check.testing.ScriptedServer.Script;
import io.jdirectord.check.testing.Scripts;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.testing.Slack;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimpleTcpCheckTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private final CheckRunner runner = new CheckRunner();

    static Iterable<InetAddress> families() {
        return Loopback.both();
    }

    private static Probes probe(InetAddress address, int port) {
        return Probes.to(address, port)
                .service(ServiceKind.SIMPLETCP)
                .request("/PING\\nline2\\n")
                .receive("^PONG")
                .timeouts(Duration.ofSeconds(30), TIMEOUT);
    }

    private static SimpleTcpCheck check(InetAddress address, int port) {
        return new SimpleTcpCheck(SimpleTcpSpec.of(probe(address, port).build()));
    }

    static List<Arguments> servers() {
        List<Arguments> cases = new ArrayList<>();
        for (InetAddress address : Loopback.both()) {
            cases.add(Arguments.of(
                    address,
                    "a matching second line",
                    Scripts.afterEndOfRequest("hello\r\nPONG 1\r\n"),
                    true,
                    "received 'PONG 1'"));
            cases.add(Arguments.of(
                    address,
                    "a match without final newline",
                    Scripts.afterEndOfRequest("x\nPONG"),
                    true,
                    "received 'PONG'"));
            cases.add(Arguments.of(
                    address,
                    "no matching line",
                    Scripts.afterEndOfRequest("hello\nERR PONG\n"),
                    false,
                    "receive pattern '^PONG' not found in 2 lines (15 B)"));
            cases.add(Arguments.of(
                    address,
                    "a close without reply",
                    Scripts.afterEndOfRequest(""),
                    false,
                    "connection closed without a reply"));
            cases.add(Arguments.of(
                    address,
                    "garbage",
                    Scripts.garbage(10_000),
                    false,
                    "receive pattern '^PONG' not found in 46 lines (9.8 KiB)"));
            cases.add(Arguments.of(
                    address,
                    "a 50 MB line",
                    Scripts.flood("", 'x', 50L << 20),
                    false,
                    "receive pattern '^PONG' not found in the first 64.0 KiB (reply truncated)"));
            cases.add(Arguments.of(
                    address, "a match before 50 MB", Scripts.flood("PONG\n", 'x', 50L << 20), true, "received 'PONG'"));
        }
        return cases;
    }

    @ParameterizedTest(name = "{1} over {0}")
    @MethodSource("servers")
    void searchesTheReplyLineByLine(InetAddress address, String name, Script script, boolean up, String reason)
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, script)) {
            CheckResult result = runner.run(check(address, server.port()));
            assertThat(result.reason()).isEqualTo(reason);
            assertThat(result.up()).isEqualTo(up);
            assertThat(result.elapsed()).isLessThan(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void sendsTheRequestWithoutLeadingSlashAndWithLineFeedsThenShutsItsWriteSide(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, Scripts.afterEndOfRequest("PONG\n"))) {
            runner.run(check(address, server.port()));
            assertThat(server.received()).containsExactly("PING\nline2\n");
        }
    }

    @Test
    void emptyReceiveAcceptsTheFirstLine() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Loopback.V4, Scripts.afterEndOfRequest("anything\n"))) {
            SimpleTcpCheck check = new SimpleTcpCheck(SimpleTcpSpec.of(
                    probe(Loopback.V4, server.port()).receive("").build()));
            assertThat(runner.run(check).reason()).isEqualTo("received 'anything'");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenRefused(InetAddress address) throws Exception {
        assertThat(runner.run(check(address, Loopback.closedPort(address))).reason())
                .isEqualTo("connection refused");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downAtTheDeadlineWhenTheServerNeverAnswers(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, Scripts.silent())) {
            CheckResult result = runner.run(check(address, server.port()));
            assertThat(result.reason()).isEqualTo("timeout after 1500 ms waiting for a line matching '^PONG'");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void cutsATrickleAtTheDeadline(InetAddress address) throws Exception {
        try (ScriptedServer server =
                ScriptedServer.start(address, Scripts.trickle("hello", 'x', Duration.ofMillis(50)))) {
            CheckResult result = runner.run(check(address, server.port()));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).startsWith("timeout after 1500 ms");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWithConnectTimeoutWhenSynsAreDropped(InetAddress address) throws Exception {
        try (FullBacklog dead = FullBacklog.on(address)) {
            CheckResult result = runner.run(check(address, dead.port()));
            assertThat(result.reason()).isEqualTo("connect timeout after 1500 ms");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    @Test
    void turnsBackslashNIntoLineFeedsAndDropsOnlyOneLeadingSlash() {
        assertThat(new String(SimpleTcpCheck.wireRequest("/QUIT\\n"), StandardCharsets.UTF_8))
                .isEqualTo("QUIT\n");
        assertThat(new String(SimpleTcpCheck.wireRequest("//x"), StandardCharsets.UTF_8))
                .isEqualTo("/x");
    }
}
