package io.jdirectord.checks;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.jdirectord.check.CheckResult;
import io.jdirectord.check.CheckRunner;
import io.jdirectord.check.ExternalCheck;
import io.jdirectord.check.spec.ExternalSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.TestCertificate;
import io.jdirectord.checks.testing.LocalDaemon;
import io.jdirectord.checks.testing.StockCheck;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.testing.Slack;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * checks/http-json-health against JSON health endpoints served by the JDK's HTTP server on the
 * loopback, with each JSON parser the check can use: jq, and its built-in awk parser under mawk and gawk.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpJsonHealthIT {

    private static final String V4 = "127.0.0.1";
    private static final String TLS_NAME = "health.example.test";
    private static final String USER = "mon\"itor";
    private static final String PASSWORD = "pa\\ss:word";

    private record Reply(int status, String body) {}

    private static final Map<String, Reply> REPLIES = Map.ofEntries(
            Map.entry("/up", new Reply(200, "{\"status\":\"UP\",\"capacity\":40.7}")),
            Map.entry("/ok", new Reply(200, "{\"status\" : \"ok\"}")),
            Map.entry("/down", new Reply(503, "{\"status\":\"DOWN\"}")),
            Map.entry("/degraded", new Reply(200, "{\"status\":\"DEGRADED\"}")),
            Map.entry("/nested", new Reply(200, """
                    {"checks": [{"name": "db", "status": "down"}, {"name": "disk", "status": "ok"}],
                     "a\\"b": {"c\\/d": "x\\ty", "n": [1, -2.5e3, true, null]}}""")),
            Map.entry("/html", new Reply(200, "<html><body>It works</body></html>")),
            Map.entry("/big", new Reply(200, "{\"status\":\"UP\",\"pad\":\"" + "x".repeat(4096) + "\"}")),
            Map.entry("/negative", new Reply(200, "{\"status\":\"UP\",\"capacity\":-3}")),
            Map.entry("/huge", new Reply(200, "{\"status\":\"UP\",\"capacity\":1000}")),
            Map.entry("/text", new Reply(200, "{\"status\":\"UP\",\"capacity\":\"lots\"}")));

    @TempDir
    static Path dir;

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer v4;
    private HttpServer v6;
    private HttpsServer tls;
    private TestCertificate certificate;

    @BeforeAll
    void startServers() throws Exception {
        require(StockCheck.installed("curl"), "curl installed");
        v4 = serve(HttpServer.create(new InetSocketAddress(Loopback.V4, 0), 16));
        v6 = serve(HttpServer.create(new InetSocketAddress(Loopback.V6, 0), 16));
        certificate = TestCertificate.selfSigned(dir, TLS_NAME);
        tls = HttpsServer.create(new InetSocketAddress(Loopback.V4, 0), 16);
        tls.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        serve(tls);
    }

    private <S extends HttpServer> S serve(S server) {
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
        return server;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Reply reply = switch (path) {
            case "/hang" -> hang();
            case "/auth" -> authorized(exchange) ? REPLIES.get("/up") : new Reply(401, "{\"error\":\"who?\"}");
            case "/host" ->
                new Reply(200, "{\"host\":\"" + exchange.getRequestHeaders().getFirst("Host") + "\"}");
            default -> REPLIES.getOrDefault(path, new Reply(404, "{\"error\":\"not found\"}"));
        };
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Reply hang() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return REPLIES.get("/up");
    }

    private static boolean authorized(HttpExchange exchange) {
        String expected =
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    @AfterAll
    void stopServers() {
        release.countDown();
        for (HttpServer server : new HttpServer[] {v4, v6, tls}) {
            if (server != null) {
                server.stop(0);
            }
        }
        executor.shutdownNow();
    }

    /** The check with a JSON parser: jq, or the built-in one run by mawk or gawk as awk. */
    private static StockCheck check(String parser) throws IOException {
        StockCheck check = StockCheck.named("http-json-health");
        if (parser.equals("jq")) {
            require(StockCheck.installed("jq"), "jq installed");
            return check.env("HEALTH_JQ", "jq");
        }
        Path awk = Path.of("/usr/bin", parser);
        require(Files.isExecutable(awk), awk + " installed");
        Path bin = dir.resolve(parser + "-bin");
        if (!Files.exists(bin)) {
            Files.createDirectories(bin);
            Path link = bin.resolve("awk");
            Files.writeString(link, "#!/bin/sh\nexec " + awk + " \"$@\"\n");
            Files.setPosixFilePermissions(link, PosixFilePermissions.fromString("rwx------"));
        }
        return check.env("HEALTH_JQ", "none").env("PATH", bin + ":" + StockCheck.PATH);
    }

    private StockCheck.Run get(StockCheck check, String request) throws Exception {
        return check.env("JDIRECTORD_REQUEST", request).run(V4, v4.getAddress().getPort());
    }

    /** The line of a run of {@code check} on {@code request} that must end with exit status 1 (down). */
    private String downLine(StockCheck check, String request) throws Exception {
        StockCheck.Run run = get(check, request);
        assertThat(run.status()).as(run.output()).isEqualTo(1);
        return run.line();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jq", "mawk", "gawk"})
    void upWhenTheStatusFieldSaysUp(String parser) throws Exception {
        StockCheck.Run run = get(check(parser), "/up");
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.line()).isEqualTo("up: 127.0.0.1:" + v4.getAddress().getPort() + " HTTP 200, status is UP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jq", "mawk", "gawk"})
    void comparesTheExpectedValuesWithoutRegardToCase(String parser) throws Exception {
        assertThat(get(check(parser), "/ok").status()).isZero();
        assertThat(get(check(parser).env("JDIRECTORD_RECEIVE", "status=degraded|UP"), "/degraded")
                        .status())
                .isZero();
    }

    @Test
    void worksOverIpv6() throws Exception {
        StockCheck.Run run = check("jq")
                .env("JDIRECTORD_REQUEST", "/up")
                .run("::1", v6.getAddress().getPort());
        assertThat(run.line()).startsWith("up: [::1]:" + v6.getAddress().getPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jq", "mawk", "gawk"})
    void downWithTheStatusCodeAndFieldWhenTheServerAnswersAnError(String parser) throws Exception {
        assertThat(downLine(check(parser), "/down")).endsWith(": HTTP 503, status is DOWN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jq", "mawk", "gawk"})
    void downWhenTheFieldHasAnotherValue(String parser) throws Exception {
        assertThat(downLine(check(parser), "/degraded")).endsWith(": status is DEGRADED, expected UP|ok|pass|healthy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jq", "mawk", "gawk"})
    void followsADottedPathThroughObjectsArraysAndEscapedKeys(String parser) throws Exception {
        assertThat(get(check(parser).env("JDIRECTORD_RECEIVE", "checks.1.status=ok"), "/nested")
                        .status())
                .isZero();
        assertThat(get(check(parser).env("JDIRECTORD_RECEIVE", "checks.0.status=ok"), "/nested")
                        .line())
                .endsWith("checks.0.status is down, expected ok");
        assertThat(get(check(parser).env("JDIRECTORD_RECEIVE", "a\"b.c/d=x\ty"), "/nested")
                        .status())
                .isZero();
        assertThat(get(check(parser).env("JDIRECTORD_RECEIVE", "a\"b.n.2=true"), "/nested")
                        .status())
                .isZero();
        assertThat(get(check(parser).env("JDIRECTORD_RECEIVE", "a\"b.n=x"), "/nested")
                        .line())
                .endsWith("a\"b.n is (array), expected x");
        assertThat(get(check(parser).env("JDIRECTORD_RECEIVE", "missing=x"), "/nested")
                        .line())
                .endsWith("missing is null, expected x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jq", "mawk", "gawk"})
    void downWhenTheBodyIsNotJson(String parser) throws Exception {
        assertThat(downLine(check(parser), "/html"))
                .endsWith("HTTP 200, the body is not JSON: <html><body>It works</body></html>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jq", "mawk", "gawk"})
    void downWhenTheBodyIsLongerThanItsLimit(String parser) throws Exception {
        assertThat(get(check(parser), "/big").status()).isZero();
        assertThat(downLine(check(parser).env("HEALTH_MAX_BYTES", "1024"), "/big"))
                .endsWith("HTTP 200, body longer than 1024 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jq", "mawk", "gawk"})
    void exitsWithTwoPlusTheWeightFieldClampedTo0To253(String parser) throws Exception {
        StockCheck weighted = check(parser).env("HEALTH_WEIGHT_FIELD", "capacity");
        assertThat(get(weighted, "/up").status()).isEqualTo(2 + 40);
        assertThat(get(weighted, "/up").line()).endsWith("status is UP, weight 40");
        assertThat(get(weighted, "/negative").status()).isEqualTo(2);
        assertThat(get(weighted, "/huge").status()).isEqualTo(255);
        assertThat(downLine(weighted, "/text")).endsWith("weight field capacity is lots, not a number");
        assertThat(get(weighted, "/down").status()).as("down stays down").isEqualTo(1);
    }

    @Test
    void downWithCurlsReasonWhenNothingListens() throws Exception {
        int closed = LocalDaemon.freePort();
        StockCheck.Run run = check("jq").env("JDIRECTORD_REQUEST", "/up").run(V4, closed);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.line()).startsWith("down: 127.0.0.1:" + closed + ": Failed to connect");
    }

    @Test
    void givesUpBeforeTheCheckTimeoutWhenTheServerNeverAnswers() throws Exception {
        StockCheck.Run run = get(check("jq").env("JDIRECTORD_TIMEOUT_MS", "2000"), "/hang");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.line()).isEqualTo("down: 127.0.0.1:" + v4.getAddress().getPort() + ": no answer within 1350 ms");
        assertThat(run.elapsed())
                .as("its own reason says it gave up by itself; this bounds only a hang")
                .isLessThan(Slack.after(Duration.ofMillis(2000)));
    }

    @Test
    void sendsTheLoginAsBasicAuthenticationWhateverItsCharacters() throws Exception {
        StockCheck authenticated = check("jq").env("JDIRECTORD_LOGIN", USER).env("JDIRECTORD_PASSWD", PASSWORD);
        assertThat(get(authenticated, "/auth").status()).isZero();
        StockCheck.Run wrong = get(check("jq").env("JDIRECTORD_LOGIN", USER).env("JDIRECTORD_PASSWD", "x"), "/auth");
        assertThat(wrong.line()).endsWith("HTTP 401");
    }

    @Test
    void fetchesOverTlsWithoutVerificationByDefault() throws Exception {
        StockCheck.Run run = check("jq")
                .env("JDIRECTORD_SERVICE", "https")
                .env("JDIRECTORD_REQUEST", "/up")
                .run(V4, tls.getAddress().getPort());
        assertThat(run.status()).as(run.output()).isZero();
    }

    @Test
    void verifiesTheCertificateAgainstTheCaFileAndTheHostName() throws Exception {
        int port = tls.getAddress().getPort();
        StockCheck verified = check("jq")
                .env("HEALTH_SCHEME", "https")
                .env("HEALTH_CACERT", certificate.certificatePem().toString())
                .env("JDIRECTORD_REQUEST", "/host");
        StockCheck.Run named = verified.env("HEALTH_HOST", TLS_NAME)
                .env("JDIRECTORD_RECEIVE", "host=" + TLS_NAME + ":" + port)
                .run(V4, port);
        assertThat(named.status()).as(named.output()).isZero();
        StockCheck.Run otherName =
                verified.env("HEALTH_HOST", "other.example.test").run(V4, port);
        assertThat(otherName.status()).isEqualTo(1);
        assertThat(otherName.line()).contains("certificate");
    }

    @Test
    void rejectsAReceiveWithoutAField() throws Exception {
        assertThat(downLine(check("jq").env("JDIRECTORD_RECEIVE", "UP"), "/up"))
                .isEqualTo("down: receive must be FIELD=VALUE[|VALUE...], not 'UP'");
    }

    @Test
    void worksAsJdirectordsExternalCheckWithDynamicWeightThroughAWrapper() throws Exception {
        Path wrapper = dir.resolve("capacity-health");
        Files.writeString(
                wrapper,
                "#!/bin/sh\nHEALTH_WEIGHT_FIELD=capacity exec "
                        + StockCheck.named("http-json-health").program() + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        VirtualServiceKey virtual =
                VirtualServiceKey.ofAddress(Protocol.TCP, InetAddress.getByName("192.0.2.30"), 8080);
        Probes probe = Probes.to(Loopback.V4, v4.getAddress().getPort())
                .type(CheckType.EXTERNAL)
                .command(wrapper)
                .virtual(virtual)
                .timeout(Duration.ofSeconds(3))
                .dynamicWeight();
        CheckRunner runner = new CheckRunner();

        CheckResult up = runner.run(
                new ExternalCheck(ExternalSpec.of(probe.request("/up").build())));
        CheckResult down = runner.run(
                new ExternalCheck(ExternalSpec.of(probe.request("/down").build())));

        assertThat(up.up()).as(up.reason()).isTrue();
        assertThat(up.weight()).hasValue(40);
        assertThat(down.up()).isFalse();
        assertThat(down.reason()).endsWith(": HTTP 503, status is DOWN");
    }
}
