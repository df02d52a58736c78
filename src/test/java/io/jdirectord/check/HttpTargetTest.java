package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.config.ServiceKind;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HttpTargetTest {

    private static HttpTarget target(Probes probe) {
        return HttpTarget.of(probe.build()).orElseThrow();
    }

    @Test
    void connectsToTheRealAtItsCheckPortUnderTheVirtualHostName() {
        HttpTarget target = target(Probes.to(Loopback.V6, 8080).service(ServiceKind.HTTPS).checkPort(8443)
                .request("/health?full").virtualHost("www.example.test"));
        assertThat(target.host().getAddress()).isEqualTo(Loopback.V6);
        assertThat(target.host().getHostName()).isEqualTo("www.example.test");
        assertThat(target.host().getSchemeName()).isEqualTo("https");
        assertThat(target.host().getPort()).isEqualTo(8443);
        assertThat(target.path()).isEqualTo("/health?full");
        assertThat(target.hostHeader()).contains("www.example.test");
        assertThat(target.proxy()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"HTTP, 80, 127.0.0.1", "HTTP, 8080, 127.0.0.1:8080", "HTTPS, 443, 127.0.0.1", "HTTPS, 80, 127.0.0.1:80"})
    void omitsTheDefaultPortFromTheHostHeader(ServiceKind service, int port, String host) {
        assertThat(target(Probes.to(Loopback.V4, port).service(service)).hostHeader()).contains(host);
    }

    @ParameterizedTest
    @CsvSource({
        "HTTP, /http://www.example.test:81/x?y, http, www.example.test, 81, /x?y",
        "HTTPS, /https://www.example.test/, https, www.example.test, -1, /",
        "HTTP, /http://[::1]:81, http, ::1, 81, /",
        "HTTP_PROXY, /https://www.example.test/p, https, www.example.test, -1, /p"
    })
    void fetchesAnAbsoluteUrlOfTheServiceSchemeAsGiven(ServiceKind service, String request, String scheme,
                                                      String host, int port, String path) {
        HttpTarget target = target(Probes.to(Loopback.V4, 3128).service(service).request(request));
        assertThat(target.host().getSchemeName()).isEqualTo(scheme);
        assertThat(target.host().getHostName()).isEqualTo(host);
        assertThat(target.host().getAddress()).isNull();
        assertThat(target.host().getPort()).isEqualTo(port);
        assertThat(target.path()).isEqualTo(path);
    }

    @Test
    void treatsAnUrlOfAnotherSchemeAsAPathLikeLdirectord() {
        HttpTarget target = target(Probes.to(Loopback.V4, 80).service(ServiceKind.HTTP).request("/https://x/"));
        assertThat(target.host().getAddress()).isEqualTo(Loopback.V4);
        assertThat(target.path()).isEqualTo("/https://x/");
    }

    @Test
    void proxiesThroughTheRealServer() {
        HttpTarget target = target(Probes.to(Loopback.V4, 3128).service(ServiceKind.HTTP_PROXY)
                .request("/http://www.example.test/"));
        assertThat(target.proxy()).contains(new HttpHost("http", Loopback.V4, "127.0.0.1", 3128));
        assertThat(target.hostHeader()).isEmpty();
    }

    @Test
    void hasNoTargetForAProxyCheckWithoutUrl() {
        assertThat(HttpTarget.of(Probes.to(Loopback.V4, 3128).service(ServiceKind.HTTP_PROXY).build()))
                .isEqualTo(Optional.empty());
    }

    @Test
    void rejectsAMalformedUrl() {
        assertThatThrownBy(() -> HttpTarget.of(Probes.to(Loopback.V4, 80).service(ServiceKind.HTTP)
                .request("/http://").build())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/a b|/a%20b", "/caf\u00e9|/caf%C3%A9", "/x%2Fy|/x%2Fy", "/{q}|/%7Bq%7D"})
    void percentEncodesWhatMayNotAppearInAUrl(String request, String sent) {
        assertThat(HttpTarget.escape(request)).isEqualTo(sent);
    }
}
