package io.jdirectord.check;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.HttpSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.NginxServer;
import io.jdirectord.check.testing.OpenSslPki;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.config.HttpMethod;
import io.jdirectord.config.HttpVersion;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP/2 check (httpversion=2) against a real nginx on 127.0.0.1 and [::1]: h2 over TLS (ALPN), h2c
 * with prior knowledge, and HTTP/1.1-only listeners of both kinds, which are down as not speaking HTTP/2.
 * Certificates are made with openssl at test time.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NginxHttp2CheckIT {

    private static final String NAME = "www.example.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path dir;

    private static OpenSslPki pki;
    private static NginxServer nginx;
    private static int h2cPort;
    private static int h2Port;
    private static int http1Port;
    private static int https1Port;

    private final CheckRunner runner = new CheckRunner();
    private final TlsContexts clients = new TlsContexts();

    @BeforeAll
    static void startNginx() throws Exception {
        require(Files.isExecutable(NginxServer.NGINX), "nginx is installed");
        require(Files.isExecutable(OpenSslPki.OPENSSL), "openssl is installed");
        pki = OpenSslPki.create(dir, NAME);
        Path root = Files.createDirectories(dir.resolve("html"));
        Files.writeString(root.resolve("health"), "status: OK healthy\n");
        h2cPort = Loopback.closedPort(Loopback.V4);
        h2Port = Loopback.closedPort(Loopback.V4);
        http1Port = Loopback.closedPort(Loopback.V4);
        https1Port = Loopback.closedPort(Loopback.V4);
        nginx = NginxServer.start(
                dir,
                server(h2cPort, " http2", root, "")
                        + server(h2Port, " ssl http2", root, tls())
                        + server(http1Port, "", root, "")
                        + server(https1Port, " ssl", root, tls()),
                h2cPort);
    }

    private static String tls() {
        return "ssl_certificate " + pki.signedCertificate() + "; ssl_certificate_key " + pki.signedKey() + ";";
    }

    private static String server(int port, String flags, Path root, String tls) {
        return """
                server {
                    listen 127.0.0.1:%1$d%2$s;
                    listen [::1]:%1$d%2$s;
                    server_name _;
                    root %3$s;
                    %4$s
                    location = /unavailable { return 503; }
                    location = /old-health { return 301 /health; }
                }
                """.formatted(port, flags, root, tls);
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    static Iterable<InetAddress> families() {
        return Loopback.both();
    }

    private CheckResult run(Probes probe) {
        return runner.run(new Http2Check(HttpSpec.of(probe.build()), clients));
    }

    private static Probes h2(InetAddress address, ServiceKind service, int port) {
        return Probes.to(address, port)
                .service(service)
                .httpVersion(HttpVersion.HTTP_2)
                .request("/health")
                .receive("OK healthy")
                .timeout(TIMEOUT);
    }

    @ParameterizedTest
    @MethodSource("families")
    void upOverH2cWithTheReceiveText(InetAddress address) {
        assertThat(run(h2(address, ServiceKind.HTTP, h2cPort)).reason())
                .isEqualTo("HTTP 200, receive pattern 'OK healthy' found");
    }

    @ParameterizedTest
    @MethodSource("families")
    void upOverTlsWithAlpnH2VerifiedAgainstTheCa(InetAddress address) {
        CheckResult result = run(h2(address, ServiceKind.HTTPS, h2Port)
                .virtualHost(NAME)
                .tls(new TlsVerification(true, Optional.of(pki.caCertificate()))));
        assertThat(result.reason()).isEqualTo("HTTP 200, receive pattern 'OK healthy' found");
    }

    @ParameterizedTest
    @MethodSource("families")
    void followsARedirectAndJudgesStatusesAsHttp11Does(InetAddress address) {
        assertThat(run(h2(address, ServiceKind.HTTPS, h2Port).request("/old-health"))
                        .reason())
                .isEqualTo("HTTP 200 (after 1 redirect, at /health), receive pattern 'OK healthy' found");
        assertThat(run(h2(address, ServiceKind.HTTP, h2cPort).request("/unavailable"))
                        .reason())
                .isEqualTo("HTTP 503");
        assertThat(run(h2(address, ServiceKind.HTTP, h2cPort).request("/missing"))
                        .reason())
                .isEqualTo("HTTP 404");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenTheReceiveTextIsMissingOrTheMethodIsHead(InetAddress address) {
        assertThat(run(h2(address, ServiceKind.HTTP, h2cPort).receive("maintenance"))
                        .reason())
                .isEqualTo("HTTP 200 but receive pattern 'maintenance' not found in 19 B");
        assertThat(run(h2(address, ServiceKind.HTTPS, h2Port).receive("").method(HttpMethod.HEAD))
                        .reason())
                .isEqualTo("HTTP 200");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenAPlainListenerSpeaksOnlyHttp11(InetAddress address) {
        CheckResult result = run(h2(address, ServiceKind.HTTP, http1Port));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).startsWith("does not speak HTTP/2: answered the HTTP/2 preface with 'HTTP/1.1 400");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenATlsListenerChoosesHttp11ByAlpn(InetAddress address) {
        assertThat(run(h2(address, ServiceKind.HTTPS, https1Port)).reason())
                .isEqualTo("does not speak HTTP/2: TLS ALPN chose http/1.1, not h2");
    }
}
