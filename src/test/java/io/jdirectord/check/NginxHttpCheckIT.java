package io.jdirectord.check;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.HttpSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.NginxServer;
import io.jdirectord.check.testing.OpenSslPki;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.config.HttpMethod;
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
 * The HTTP check against a real nginx on 127.0.0.1 and [::1]: plain HTTP, HTTPS with a self-signed
 * certificate, HTTPS with a CA-signed one (verified against the CA file), and name-based HTTPS servers
 * that only SNI can tell apart. Certificates are made with openssl at test time.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NginxHttpCheckIT {

    private static final String NAME = "www.example.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path dir;

    private static OpenSslPki pki;
    private static NginxServer nginx;
    private static int httpPort;
    private static int selfSignedPort;
    private static int caSignedPort;
    private static int sniPort;

    private final CheckRunner runner = new CheckRunner();
    private final TlsContexts clients = new TlsContexts();

    @BeforeAll
    static void startNginx() throws Exception {
        require(Files.isExecutable(NginxServer.NGINX), "nginx is installed");
        require(Files.isExecutable(OpenSslPki.OPENSSL), "openssl is installed");
        pki = OpenSslPki.create(dir, NAME);
        Path root = Files.createDirectories(dir.resolve("html"));
        Files.writeString(root.resolve("index.html"), "<h1>Welcome to the jdirectord test page</h1>\n");
        Files.writeString(root.resolve("health"), "status: OK healthy\n");
        httpPort = Loopback.closedPort(Loopback.V4);
        selfSignedPort = Loopback.closedPort(Loopback.V4);
        caSignedPort = Loopback.closedPort(Loopback.V4);
        sniPort = Loopback.closedPort(Loopback.V4);
        nginx = NginxServer.start(dir, servers(root), httpPort);
    }

    private static String servers(Path root) {
        return server(httpPort, "", "_", root, null, null)
                + server(selfSignedPort, " ssl", "_", root, pki.selfCertificate(), pki.selfKey())
                + server(caSignedPort, " ssl", "_", root, pki.signedCertificate(), pki.signedKey())
                + server(sniPort, " ssl default_server", "_", root, pki.selfCertificate(), pki.selfKey())
                + server(sniPort, " ssl", NAME, root, pki.signedCertificate(), pki.signedKey());
    }

    private static String server(int port, String flags, String name, Path root, Path certificate, Path key) {
        String tls = certificate == null ? "" : "ssl_certificate " + certificate + "; ssl_certificate_key " + key + ";";
        return """
                server {
                    listen 127.0.0.1:%1$d%2$s;
                    listen [::1]:%1$d%2$s;
                    server_name %3$s;
                    root %4$s;
                    %5$s
                    location = /unavailable { return 503; }
                    location = /moved { return 302 /; }
                    location = /old-health { return 301 /health; }
                    location = /elsewhere { return 301 http://www.example.test/health; }
                    location = /secure { return 301 https://www.example.test/health; }
                    location = /loop { return 301 /loop; }
                }
                """.formatted(port, flags, name, root, tls);
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
        return runner.run(HttpCheck.of(HttpSpec.of(probe.build()), clients));
    }

    private static Probes http(InetAddress address, String request) {
        return Probes.to(address, httpPort)
                .service(ServiceKind.HTTP)
                .request(request)
                .timeout(TIMEOUT);
    }

    private static Probes https(InetAddress address, int port) {
        return Probes.to(address, port)
                .service(ServiceKind.HTTPS)
                .request("/health")
                .receive("OK healthy")
                .timeout(TIMEOUT);
    }

    private static TlsVerification verifiedByCa() {
        return new TlsVerification(true, Optional.of(pki.caCertificate()));
    }

    @ParameterizedTest
    @MethodSource("families")
    void upWhenThePageHasTheReceiveText(InetAddress address) {
        CheckResult result = run(http(address, "/").receive("Welcome to the jdirectord"));
        assertThat(result.reason()).isEqualTo("HTTP 200, receive pattern 'Welcome to the jdirectord' found");
    }

    @ParameterizedTest
    @MethodSource("families")
    void upForAHeadRequest(InetAddress address) {
        assertThat(run(http(address, "/health").method(HttpMethod.HEAD)).reason())
                .isEqualTo("HTTP 200");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenTheReceiveTextIsMissing(InetAddress address) {
        CheckResult result = run(http(address, "/health").receive("maintenance"));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("HTTP 200 but receive pattern 'maintenance' not found in 19 B");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downOnA503(InetAddress address) {
        assertThat(run(http(address, "/unavailable")).reason()).isEqualTo("HTTP 503");
    }

    @ParameterizedTest
    @MethodSource("families")
    void followsARedirectAsLdirectordDoes(InetAddress address) {
        assertThat(run(http(address, "/moved")).reason()).isEqualTo("HTTP 200 (after 1 redirect, at /)");
        CheckResult result = run(http(address, "/old-health").receive("OK healthy"));
        assertThat(result.reason())
                .isEqualTo("HTTP 200 (after 1 redirect, at /health), receive pattern 'OK healthy'" + " found");
    }

    @ParameterizedTest
    @MethodSource("families")
    void followsARedirectToAnotherHostOnTheSameRealServer(InetAddress address) {
        CheckResult result = run(http(address, "/elsewhere").receive("OK healthy"));
        assertThat(result.reason())
                .isEqualTo("HTTP 200 (after 1 redirect, at /health), receive pattern 'OK healthy'" + " found");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downOnARedirectToHttpsOrALoop(InetAddress address) {
        assertThat(run(http(address, "/secure")).reason())
                .isEqualTo("HTTP 301 redirects to"
                        + " https://www.example.test/health, another scheme (redirects are followed on the real server's"
                        + " http port only)");
        assertThat(run(http(address, "/loop")).reason())
                .isEqualTo("redirect loop: HTTP 301 back to http://" + Loopback.bracketed(address) + ":" + httpPort
                        + "/loop");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downOnAMissingPage(InetAddress address) {
        assertThat(run(http(address, "/nothing-here")).reason()).isEqualTo("HTTP 404");
    }

    @ParameterizedTest
    @MethodSource("families")
    void acceptsTheSelfSignedCertificateWithoutVerification(InetAddress address) {
        assertThat(run(https(address, selfSignedPort)).up()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("families")
    void verifiesTheCaSignedCertificateForTheVirtualHost(InetAddress address) {
        CheckResult result = run(https(address, caSignedPort).virtualHost(NAME).tls(verifiedByCa()));
        assertThat(result.reason()).isEqualTo("HTTP 200, receive pattern 'OK healthy' found");
    }

    @ParameterizedTest
    @MethodSource("families")
    void rejectsTheCaSignedCertificateForAnotherName(InetAddress address) {
        CheckResult result = run(
                https(address, caSignedPort).virtualHost("wrong.example.test").tls(verifiedByCa()));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("TLS certificate does not match 'wrong.example.test'");
    }

    @ParameterizedTest
    @MethodSource("families")
    void rejectsTheSelfSignedCertificateWhenVerifyingAgainstTheCa(InetAddress address) {
        CheckResult result =
                run(https(address, selfSignedPort).virtualHost(NAME).tls(verifiedByCa()));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("TLS certificate of 'www.example.test' is not trusted");
    }

    @ParameterizedTest
    @MethodSource("families")
    void reachesTheNamedServerThroughSni(InetAddress address) {
        assertThat(run(https(address, sniPort).virtualHost(NAME).tls(verifiedByCa()))
                        .up())
                .isTrue();
        assertThat(run(https(address, sniPort).tls(verifiedByCa())).up()).isFalse();
    }
}
