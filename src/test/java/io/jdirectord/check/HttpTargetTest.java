package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.check.spec.HttpSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.config.ServiceKind;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HttpTargetTest {

    private static HttpTarget target(Probes probe) {
        return HttpTarget.of(HttpSpec.of(probe.build())).orElseThrow();
    }

    @Test
    void connectsToTheRealAtItsCheckPortUnderTheVirtualHostName() throws Exception {
        HttpTarget target = target(Probes.to(Loopback.V6, 8080)
                .service(ServiceKind.HTTPS)
                .checkPort(8443)
                .request("/health?full")
                .virtualHost("www.example.test"));
        assertThat(target.connectAddress()).isEqualTo(Loopback.V6);
        assertThat(target.connectPort()).isEqualTo(8443);
        assertThat(target.peerName()).isEqualTo("www.example.test");
        assertThat(target.secure()).isTrue();
        assertThat(target.requestTarget()).isEqualTo("/health?full");
        assertThat(target.hostHeader()).isEqualTo("www.example.test");
        assertThat(target.tunnelled()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"HTTP, 80, 127.0.0.1", "HTTP, 8080, 127.0.0.1:8080", "HTTPS, 443, 127.0.0.1", "HTTPS, 80, 127.0.0.1:80"
    })
    void omitsTheDefaultPortFromTheHostHeader(ServiceKind service, int port, String host) {
        assertThat(target(Probes.to(Loopback.V4, port).service(service)).hostHeader())
                .isEqualTo(host);
    }

    @ParameterizedTest
    @CsvSource({
        "HTTP, /http://www.example.test:81/x?y, http, www.example.test, 81, /x?y, www.example.test:81",
        "HTTPS, /https://www.example.test/, https, www.example.test, -1, /, www.example.test",
        "HTTP, /http://[::1]:81, http, ::1, 81, /, [::1]:81"
    })
    void fetchesAnAbsoluteUrlOfTheServiceSchemeAsGiven(
            ServiceKind service, String request, String scheme, String host, int port, String path, String hostHeader) {
        HttpTarget target = target(Probes.to(Loopback.V4, 3128).service(service).request(request));
        assertThat(target.scheme()).isEqualTo(scheme);
        assertThat(target.peerName()).isEqualTo(host);
        assertThat(target.address()).isEmpty();
        assertThat(target.port()).isEqualTo(port);
        assertThat(target.requestTarget()).isEqualTo(path);
        assertThat(target.hostHeader()).isEqualTo(hostHeader);
    }

    @Test
    void treatsAnUrlOfAnotherSchemeAsAPathLikeLdirectord() {
        HttpTarget target =
                target(Probes.to(Loopback.V4, 80).service(ServiceKind.HTTP).request("/https://x/"));
        assertThat(target.address()).contains(Loopback.V4);
        assertThat(target.requestTarget()).isEqualTo("/https://x/");
    }

    /** An http_proxy target for {@code request} whose connection goes to the real server 127.0.0.1:3128. */
    private static HttpTarget proxied(String request) throws Exception {
        HttpTarget target = target(
                Probes.to(Loopback.V4, 3128).service(ServiceKind.HTTP_PROXY).request(request));
        assertThat(target.connectAddress()).isEqualTo(Loopback.V4);
        assertThat(target.connectPort()).isEqualTo(3128);
        return target;
    }

    @Test
    void proxiesThroughTheRealServer() throws Exception {
        HttpTarget target = proxied("/http://www.example.test/");
        assertThat(target.requestTarget()).isEqualTo("http://www.example.test/");
        assertThat(target.hostHeader()).isEqualTo("www.example.test");
        assertThat(target.tunnelled()).isFalse();
    }

    @Test
    void tunnelsAnHttpsUrlThroughTheProxy() throws Exception {
        HttpTarget target = proxied("/https://www.example.test/p");
        assertThat(target.tunnelled()).isTrue();
        assertThat(target.tunnelAuthority()).isEqualTo("www.example.test:443");
        assertThat(target.peerName()).isEqualTo("www.example.test");
        assertThat(target.requestTarget()).isEqualTo("/p");
    }

    @Test
    void hasNoTargetForAProxyCheckWithoutUrl() {
        assertThat(HttpTarget.of(HttpSpec.of(Probes.to(Loopback.V4, 3128)
                        .service(ServiceKind.HTTP_PROXY)
                        .build())))
                .isEqualTo(Optional.empty());
    }

    @Test
    void rejectsAMalformedUrl() {
        assertThatThrownBy(() -> HttpTarget.of(HttpSpec.of(Probes.to(Loopback.V4, 80)
                        .service(ServiceKind.HTTP)
                        .request("/http://")
                        .build())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"/a b|/a%20b", "/caf\u00e9|/caf%C3%A9", "/x%2Fy|/x%2Fy", "/{q}|/%7Bq%7D"})
    void percentEncodesWhatMayNotAppearInAUrl(String request, String sent) {
        assertThat(HttpTarget.escape(request)).isEqualTo(sent);
    }
}
