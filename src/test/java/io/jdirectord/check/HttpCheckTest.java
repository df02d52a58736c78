package io.jdirectord.check;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.HttpSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.WireMocks;
import io.jdirectord.config.HttpMethod;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTTP check against WireMock over IPv4 and IPv6: status, content, method, host, URL and TLS rules. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpCheckTest {

    /** No check here should time out; on a loaded host WireMock can take seconds to answer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    static final WireMocks SERVERS = WireMocks.httpAndHttps();

    private final CheckRunner runner = new CheckRunner();
    private final TlsContexts clients = new TlsContexts();

    static List<InetAddress> families() {
        return Loopback.both();
    }

    private static Probes http(InetAddress address) {
        return SERVERS.health(address, TIMEOUT);
    }

    private CheckResult run(Probes probe) {
        return runner.run(HttpCheck.of(HttpSpec.of(probe.build()), clients));
    }

    private static void stub(InetAddress address, int status, String body) {
        SERVERS.get(address)
                .stubFor(
                        get("/health").willReturn(aResponse().withStatus(status).withBody(body)));
    }

    @ParameterizedTest
    @MethodSource("families")
    void upOnA2xxStatusWithoutReceive(InetAddress address) {
        stub(address, 204, "");
        CheckResult result = run(http(address));
        assertThat(result.up()).isTrue();
        assertThat(result.reason()).isEqualTo("HTTP 204");
    }

    @ParameterizedTest
    @MethodSource("families")
    void upWhenTheReceivePatternIsFoundInTheBody(InetAddress address) {
        stub(address, 200, "<p>status: all 42 systems go</p>");
        CheckResult result = run(http(address).receive("all \\d+ systems"));
        assertThat(result.up()).isTrue();
        assertThat(result.reason()).isEqualTo("HTTP 200, receive pattern 'all \\d+ systems' found");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenTheReceivePatternIsMissing(InetAddress address) {
        stub(address, 200, "maintenance");
        CheckResult result = run(http(address).receive("^OK"));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("HTTP 200 but receive pattern '^OK' not found in 11 B");
    }

    @ParameterizedTest
    @MethodSource("families")
    void matchesTheBodyOnlyNotTheHeaders(InetAddress address) {
        SERVERS.get(address)
                .stubFor(get("/health")
                        .willReturn(aResponse().withHeader("X-Status", "magic").withBody("plain")));
        assertThat(run(http(address).receive("magic")).up()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("families")
    void downOnAnErrorStatus(InetAddress address) {
        stub(address, 503, "OK");
        CheckResult result = run(http(address).receive("OK"));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("HTTP 503");
    }

    @ParameterizedTest
    @MethodSource("families")
    void sendsHeadWhenAsked(InetAddress address) {
        SERVERS.get(address)
                .stubFor(head(urlEqualTo("/health")).willReturn(aResponse().withStatus(200)));
        assertThat(run(http(address).method(HttpMethod.HEAD)).up()).isTrue();
        SERVERS.get(address).verify(1, headRequestedFor(urlEqualTo("/health")));
    }

    @ParameterizedTest
    @MethodSource("families")
    void sendsTheVirtualHostAsHostHeaderButConnectsToTheReal(InetAddress address) {
        stub(address, 200, "");
        assertThat(run(http(address).virtualHost("www.example.test")).up()).isTrue();
        SERVERS.get(address)
                .verify(getRequestedFor(urlEqualTo("/health")).withHeader("Host", equalTo("www.example.test")));
    }

    @ParameterizedTest
    @MethodSource("families")
    void sendsPathAndQueryAsWritten(InetAddress address) {
        SERVERS.get(address)
                .stubFor(get("/status?full=1&x=%2F").willReturn(aResponse().withStatus(200)));
        assertThat(run(http(address).request("/status?full=1&x=%2F")).up()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("families")
    void fetchesAnAbsoluteUrlRequestAsGiven(InetAddress address) throws Exception {
        SERVERS.get(address).stubFor(get("/other").willReturn(aResponse().withStatus(200)));
        String url = "http://" + Loopback.bracketed(address) + ":"
                + SERVERS.get(address).port() + "/other";
        Probes probe = Probes.to(address, Loopback.closedPort(address))
                .service(ServiceKind.HTTP)
                .request("/" + url)
                .timeout(TIMEOUT);
        assertThat(run(probe).reason()).isEqualTo("HTTP 200");
    }

    @ParameterizedTest
    @MethodSource("families")
    void keepsNoCookiesBetweenChecks(InetAddress address) {
        SERVERS.get(address)
                .stubFor(get("/health")
                        .willReturn(aResponse().withStatus(200).withHeader("Set-Cookie", "session=1; Path=/")));
        run(http(address));
        run(http(address));
        SERVERS.get(address).verify(2, getRequestedFor(urlEqualTo("/health")).withHeader("Cookie", absent()));
    }

    @ParameterizedTest
    @MethodSource("families")
    void acceptsAnyCertificateByDefault(InetAddress address) {
        stub(address, 200, "secure");
        CheckResult result = run(http(address)
                .service(ServiceKind.HTTPS)
                .checkPort(SERVERS.get(address).httpsPort())
                .receive("secure"));
        assertThat(result.up()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("families")
    void rejectsAnUntrustedCertificateWhenVerifying(InetAddress address) {
        stub(address, 200, "secure");
        CheckResult result = run(http(address)
                .service(ServiceKind.HTTPS)
                .checkPort(SERVERS.get(address).httpsPort())
                .tls(new TlsVerification(true, Optional.empty())));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("TLS certificate of '" + Loopback.text(address) + "' is not trusted");
    }
}
