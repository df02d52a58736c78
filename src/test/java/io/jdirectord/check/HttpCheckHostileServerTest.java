package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.HttpSpec;
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

/** The HTTP check against scripted servers: garbage, floods, trickles, silence, and the bytes it sends. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpCheckHostileServerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** For servers that answer at once: the check must judge them well before this deadline, even on a loaded host. */
    private static final Duration AMPLE = Duration.ofSeconds(10);

    private static final String OK_HEAD = "HTTP/1.1 200 OK\r\n";

    private final CheckRunner runner = new CheckRunner();
    private final TlsContexts clients = new TlsContexts();

    static Iterable<InetAddress> families() {
        return Loopback.both();
    }

    private static Probes http(InetAddress address, int port) {
        return Probes.to(address, port)
                .service(ServiceKind.HTTP)
                .receive("OK")
                .timeouts(Duration.ofSeconds(30), TIMEOUT);
    }

    private CheckResult run(Probes probe) {
        return runner.run(HttpCheck.of(HttpSpec.of(probe.build()), clients));
    }

    static List<Arguments> quickReplies() {
        List<Arguments> cases = new ArrayList<>();
        for (InetAddress address : Loopback.both()) {
            cases.add(
                    Arguments.of(
                            address,
                            "garbage",
                            Scripts.garbage(5000),
                            false,
                            "invalid HTTP response: Invalid protocol version in '5?A????[0x0d]????(?E[0x0c]?<[0x08]OK?+????Fm?,??ja??[0x0c]a[...'"));
            cases.add(Arguments.of(
                    address,
                    "an SSH server",
                    Scripts.sendAndHold("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"),
                    false,
                    "invalid HTTP response: Invalid protocol version in 'SSH-2.0-OpenSSH_9.2p1 Debian-2'"));
            cases.add(Arguments.of(
                    address,
                    "an endless header line",
                    Scripts.flood(OK_HEAD + "X: ", 'x', 50L << 20),
                    false,
                    "invalid HTTP response: Maximum line length limit exceeded"));
            cases.add(Arguments.of(
                    address,
                    "a 50 MB body until close",
                    Scripts.flood(OK_HEAD + "\r\n", 'x', 50L << 20),
                    false,
                    "HTTP 200 but receive pattern 'OK' not found in the first 64.0 KiB (body truncated)"));
            cases.add(Arguments.of(
                    address,
                    "a 50 MB body with length",
                    Scripts.flood(OK_HEAD + "Content-Length: 52428800\r\n\r\n", 'x', 50L << 20),
                    false,
                    "HTTP 200 but receive pattern 'OK' not found in the first 64.0 KiB (body truncated)"));
            cases.add(Arguments.of(
                    address,
                    "a 50 MB body starting with the pattern",
                    Scripts.flood(OK_HEAD + "\r\nOK ", 'x', 50L << 20),
                    true,
                    "HTTP 200, receive pattern 'OK' found"));
            cases.add(Arguments.of(
                    address,
                    "endless 100 Continue interim responses",
                    Scripts.repeat("HTTP/1.1 100 Continue\r\n\r\n", 50L << 20),
                    false,
                    "more than 192 KiB received waiting for the HTTP response"));
            cases.add(Arguments.of(
                    address,
                    "a close before the reply",
                    Scripts.sendAndClose(""),
                    false,
                    "connection closed without an HTTP response"));
            cases.add(Arguments.of(
                    address,
                    "a reset after the request",
                    Scripts.resetAfterRequestHead(),
                    false,
                    "connection reset waiting for the HTTP response"));
            cases.add(Arguments.of(
                    address,
                    "a protocol error",
                    Scripts.afterRequestHead("HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\nOK"),
                    false,
                    "HTTP 400"));
            cases.add(Arguments.of(
                    address,
                    "an HTTP/1.0 reply until close",
                    Scripts.afterRequestHead("HTTP/1.0 200 OK\r\n\r\nall OK"),
                    true,
                    "HTTP 200, receive pattern 'OK' found"));
        }
        return cases;
    }

    @ParameterizedTest(name = "{1} over {0}")
    @MethodSource("quickReplies")
    void judgesWhatTheServerSends(InetAddress address, String name, Script script, boolean up, String reason)
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, script)) {
            CheckResult result = run(http(address, server.port()).timeouts(Duration.ofSeconds(30), AMPLE));
            assertThat(result.reason()).isEqualTo(reason);
            assertThat(result.up()).isEqualTo(up);
            assertThat(result.elapsed())
                    .as("judged without waiting for the deadline")
                    .isLessThan(AMPLE);
        }
    }

    static List<Arguments> slowServers() {
        List<Arguments> cases = new ArrayList<>();
        for (InetAddress address : Loopback.both()) {
            cases.add(Arguments.of(address, "silence", Scripts.silent(), "waiting for the HTTP response"));
            cases.add(Arguments.of(
                    address,
                    "a trickled header",
                    Scripts.trickle(OK_HEAD + "X: ", 'x', Duration.ofMillis(50)),
                    "waiting for the HTTP response"));
            cases.add(Arguments.of(
                    address,
                    "a trickled body",
                    Scripts.trickle(OK_HEAD + "\r\n", 'x', Duration.ofMillis(50)),
                    "waiting for the body of HTTP 200"));
        }
        return cases;
    }

    @ParameterizedTest(name = "{1} over {0}")
    @MethodSource("slowServers")
    void cutsTheExchangeAtTheDeadline(InetAddress address, String name, Script script, String waitingFor)
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, script)) {
            CheckResult result = run(http(address, server.port()));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).isEqualTo("timeout after 1500 ms " + waitingFor);
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void sendsARequestLongerThanTheLoopsBufferWhole(InetAddress address) throws Exception {
        String path = "/" + "a".repeat(50_000);
        try (ScriptedServer server =
                ScriptedServer.start(address, Scripts.afterRequestHead(OK_HEAD + "Content-Length: 2\r\n\r\nOK"))) {
            CheckResult result =
                    run(http(address, server.port()).request(path).timeouts(Duration.ofSeconds(30), AMPLE));

            assertThat(result.reason()).isEqualTo("HTTP 200, receive pattern 'OK' found");
            assertThat(server.received()).singleElement().asString().startsWith("GET " + path + " HTTP/1.1\r\n");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenRefused(InetAddress address) throws Exception {
        assertThat(run(http(address, Loopback.closedPort(address))).reason()).isEqualTo("connection refused");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downByTheDeadlineWhenSynsAreDropped(InetAddress address) throws Exception {
        try (FullBacklog dead = FullBacklog.on(address)) {
            CheckResult result = run(http(address, dead.port()));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).contains("timeout after 1500 ms");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void opensAFreshConnectionForEveryCheck(InetAddress address) throws Exception {
        String reply = OK_HEAD + "Content-Length: 2\r\n\r\nOK";
        try (ScriptedServer server = ScriptedServer.start(address, Scripts.keepAlive(reply))) {
            for (int i = 0; i < 3; i++) {
                assertThat(run(http(address, server.port())).up()).isTrue();
            }
            assertThat(server.received())
                    .hasSize(3)
                    .allSatisfy(head -> assertThat(head).contains("Connection: close"));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void sendsTheRealAddressAndPortAsHostByDefault(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, Scripts.afterRequestHead(OK_HEAD + "\r\nOK"))) {
            run(http(address, server.port()).request("/x y"));
            String expected = Loopback.bracketed(address) + ":" + server.port();
            assertThat(server.received())
                    .singleElement()
                    .satisfies(head -> assertThat(head)
                            .startsWith("GET /x%20y HTTP/1.1\r\n")
                            .contains("\r\nHost: " + expected + "\r\n"));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void proxiesAnAbsoluteUrlThroughTheRealServer(InetAddress address) throws Exception {
        try (ScriptedServer proxy = ScriptedServer.start(address, Scripts.afterRequestHead(OK_HEAD + "\r\nOK"))) {
            CheckResult result = run(http(address, proxy.port())
                    .service(ServiceKind.HTTP_PROXY)
                    .request("/http://www.example.test/page?q=1")
                    .virtualHost("ignored.example.test"));
            assertThat(result.up()).isTrue();
            assertThat(proxy.received())
                    .singleElement()
                    .satisfies(head -> assertThat(head)
                            .startsWith("GET http://www.example.test/page?q=1 HTTP/1.1\r\n")
                            .contains("\r\nHost: www.example.test\r\n"));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downForAProxyCheckWithoutAbsoluteUrl(InetAddress address) throws Exception {
        try (ScriptedServer proxy = ScriptedServer.start(address, Scripts.afterRequestHead(OK_HEAD + "\r\nOK"))) {
            CheckResult result = run(
                    http(address, proxy.port()).service(ServiceKind.HTTP_PROXY).request("/"));
            assertThat(result.reason())
                    .isEqualTo("http_proxy needs an absolute URL as request (request=\"http://host/path\")");
            assertThat(proxy.received()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void asksTheProxyForATunnelToAnHttpsUrl(InetAddress address) throws Exception {
        String forbidden = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n";
        try (ScriptedServer proxy = ScriptedServer.start(address, Scripts.afterRequestHead(forbidden))) {
            CheckResult result = run(http(address, proxy.port())
                    .service(ServiceKind.HTTP_PROXY)
                    .request("/https://www.example.test/page"));
            assertThat(result.reason()).isEqualTo("proxy refused CONNECT to www.example.test:443: HTTP 403");
            assertThat(proxy.received())
                    .singleElement()
                    .satisfies(head -> assertThat(head)
                            .startsWith("CONNECT www.example.test:443 HTTP/1.1\r\n")
                            .contains("\r\nHost: www.example.test:443\r\n"));
        }
    }
}
