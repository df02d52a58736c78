package io.jdirectord.check;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.jdirectord.check.spec.HttpSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.WireMocks;
import io.jdirectord.config.HttpMethod;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Redirects of the HTTP check against WireMock over IPv4 and IPv6: followed as ldirectord's LWP follows them
 * (up to 7, the method kept), but always fetched from the real server being checked.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpRedirectTest {

    /** No check here should time out; on a loaded host WireMock can take seconds to answer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    static final WireMocks SERVERS = WireMocks.http();

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

    private static void redirect(InetAddress address, String from, int status, String location) {
        SERVERS.get(address)
                .stubFor(get(from)
                        .willReturn(aResponse()
                                .withStatus(status)
                                .withHeader("Location", location)
                                .withBody("moved")));
    }

    private static void page(InetAddress address, String path, String body) {
        SERVERS.get(address)
                .stubFor(get(path).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    @ParameterizedTest
    @MethodSource("families")
    void followsARelativeLocationAndMatchesTheFinalBody(InetAddress address) {
        redirect(address, "/health", 301, "/index.html");
        page(address, "/index.html", "all systems go");
        CheckResult result = run(http(address).receive("systems go"));
        assertThat(result.up()).isTrue();
        assertThat(result.reason())
                .isEqualTo("HTTP 200 (after 1 redirect, at /index.html)," + " receive pattern 'systems go' found");
    }

    @ParameterizedTest
    @MethodSource("families")
    void fetchesAnAbsoluteLocationOfAnotherHostFromTheSameRealServer(InetAddress address) {
        redirect(address, "/health", 302, "http://www.example.test:8081/final?x=1");
        page(address, "/final?x=1", "");
        CheckResult result = run(http(address));
        assertThat(result.reason()).isEqualTo("HTTP 200 (after 1 redirect, at /final?x=1)");
        SERVERS.get(address)
                .verify(getRequestedFor(urlEqualTo("/final?x=1")).withHeader("Host", equalTo("www.example.test:8081")));
    }

    @ParameterizedTest
    @MethodSource("families")
    void followsEachRedirectStatusAndKeepsHead(InetAddress address) {
        WireMockServer server = SERVERS.get(address);
        int[] statuses = {301, 302, 303, 307, 308};
        for (int i = 0; i < statuses.length; i++) {
            server.stubFor(head(urlEqualTo("/r" + i))
                    .willReturn(aResponse().withStatus(statuses[i]).withHeader("Location", "/r" + (i + 1))));
        }
        server.stubFor(head(urlEqualTo("/r5")).willReturn(aResponse().withStatus(200)));
        CheckResult result = run(http(address).request("/r0").method(HttpMethod.HEAD));
        assertThat(result.reason()).isEqualTo("HTTP 200 (after 5 redirects, at /r5)");
        server.verify(1, headRequestedFor(urlEqualTo("/r5")));
    }

    @ParameterizedTest
    @MethodSource("families")
    void followsSevenRedirectsButNotAnEighth(InetAddress address) {
        for (int i = 0; i < 8; i++) {
            redirect(address, "/r" + i, 301, "/r" + (i + 1));
        }
        page(address, "/r7", "");
        assertThat(run(http(address).request("/r0")).reason()).isEqualTo("HTTP 200 (after 7 redirects, at /r7)");
        page(address, "/r8", "");
        redirect(address, "/r7", 301, "/r8");
        CheckResult result = run(http(address).request("/r0"));
        assertThat(result.up()).isFalse();
        assertThat(result.reason())
                .isEqualTo("too many redirects: HTTP 301 to /r8 (at most 7 are followed)"
                        + " (after 7 redirects, at /r7)");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downOnARedirectLoop(InetAddress address) {
        redirect(address, "/health", 302, "/login");
        redirect(address, "/login", 302, "/health");
        CheckResult result = run(http(address));
        assertThat(result.up()).isFalse();
        assertThat(result.reason())
                .isEqualTo("redirect loop: HTTP 302 back to /health" + " (after 1 redirect, at /login)");
        SERVERS.get(address).verify(1, getRequestedFor(urlEqualTo("/health")));
    }

    @ParameterizedTest
    @MethodSource("families")
    void downOnALocationOfAnotherScheme(InetAddress address) {
        redirect(address, "/health", 301, "https://www.example.test/health");
        CheckResult result = run(http(address));
        assertThat(result.up()).isFalse();
        assertThat(result.reason())
                .isEqualTo("HTTP 301 redirects to https://www.example.test/health, another"
                        + " scheme (redirects are followed on the real server's http port only)");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downOnARedirectWithoutLocation(InetAddress address) {
        SERVERS.get(address).stubFor(get("/health").willReturn(aResponse().withStatus(302)));
        CheckResult result = run(http(address));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("HTTP 302 without a Location header");
    }

    @ParameterizedTest
    @MethodSource("families")
    void reportsTheFinalStatusWithTheRedirects(InetAddress address) {
        redirect(address, "/health", 301, "/gone");
        SERVERS.get(address).stubFor(get("/gone").willReturn(aResponse().withStatus(404)));
        assertThat(run(http(address)).reason()).isEqualTo("HTTP 404 (after 1 redirect, at /gone)");
    }

    @ParameterizedTest
    @MethodSource("families")
    void doesNotFollowWhenTurnedOff(InetAddress address) {
        redirect(address, "/health", 302, "/elsewhere");
        page(address, "/elsewhere", "");
        CheckResult result = run(http(address).followRedirects(false));
        assertThat(result.reason()).isEqualTo("HTTP 302 (followredirects=no)");
        SERVERS.get(address).verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
    }
}
