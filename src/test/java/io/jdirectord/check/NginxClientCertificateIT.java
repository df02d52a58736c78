package io.jdirectord.check;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.check.spec.HttpSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.NginxServer;
import io.jdirectord.check.testing.OpenSslPki;
import io.jdirectord.check.testing.OpenSslPki.ClientFiles;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.config.ConfigParser;
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
 * The https check's client certificate (HTTP/1.1 and HTTP/2) against a real nginx on 127.0.0.1 and [::1] with
 * {@code ssl_verify_client on} and a CA the test makes with openssl: up with a certificate of that CA, down
 * with nginx's 400 without one or with one of another CA (nginx completes the handshake and answers the
 * request with 400, "No required SSL certificate was sent" or "The SSL certificate error"; its access log
 * shows which).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NginxClientCertificateIT {

    private static final String NAME = "www.example.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path dir;

    private static OpenSslPki pki;
    private static NginxServer nginx;
    private static int port;
    private static TlsVerification trusted;
    private static TlsVerification foreign;

    private final CheckRunner runner = new CheckRunner();
    private final TlsContexts clients = new TlsContexts();

    @BeforeAll
    static void startNginx() throws Exception {
        require(Files.isExecutable(NginxServer.NGINX), "nginx is installed");
        require(Files.isExecutable(OpenSslPki.OPENSSL), "openssl is installed");
        pki = OpenSslPki.create(Files.createDirectories(dir.resolve("ca")), NAME);
        OpenSslPki other = OpenSslPki.create(Files.createDirectories(dir.resolve("other")), NAME);
        trusted = loaded(pki.clientCertificate("client", "ec"));
        foreign = loaded(other.clientCertificate("stranger", "ec"));
        Path root = Files.createDirectories(dir.resolve("html"));
        Files.writeString(root.resolve("health"), "status: OK healthy\n");
        port = Loopback.closedPort(Loopback.V4);
        nginx = NginxServer.start(dir, server(root), port);
    }

    private static String server(Path root) {
        return """
                log_format verdicts '$remote_addr $ssl_client_verify $status';
                server {
                    listen 127.0.0.1:%1$d ssl http2;
                    listen [::1]:%1$d ssl http2;
                    server_name _;
                    root %2$s;
                    ssl_certificate %3$s;
                    ssl_certificate_key %4$s;
                    ssl_client_certificate %5$s;
                    ssl_verify_client on;
                    access_log %6$s verdicts;
                }
                """.formatted(port, root, pki.signedCertificate(), pki.signedKey(), pki.caCertificate(), verdicts());
    }

    /** nginx's access log: the client's address, its verdict on the client certificate, the status. */
    private static Path verdicts() {
        return dir.resolve("verdicts.log");
    }

    /** Waits for nginx to log {@code verdict} for a request from {@code address}. */
    private static void nginxLogged(InetAddress address, String verdict) {
        String line = Loopback.text(address) + " " + verdict;
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Files.readAllLines(verdicts())).anyMatch(l -> l.startsWith(line)));
    }

    /** The TLS setting of an https virtual that names {@code files}, as the configuration loader makes it. */
    private static TlsVerification loaded(ClientFiles files) throws Exception {
        Path config = Files.writeString(
                dir.resolve(files.certificate().getFileName() + ".cf"),
                "virtual=192.0.2.10:443\n\treal=10.0.0.1 gate\n\tservice=https\n\tclientcert=" + files.certificate()
                        + "\n\tclientkey=" + files.key() + "\n");
        return new ConfigParser().parse(config).virtualServices().get(0).check().tls();
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

    private CheckResult https(InetAddress address, TlsVerification tls) {
        return runner.run(new HttpCheck(
                HttpSpec.of(Probes.to(address, port)
                        .service(ServiceKind.HTTPS)
                        .request("/health")
                        .receive("OK healthy")
                        .timeout(TIMEOUT)
                        .tls(tls)
                        .build()),
                clients));
    }

    @ParameterizedTest
    @MethodSource("families")
    void upWithACertificateOfTheCaNginxTrusts(InetAddress address) {
        assertThat(https(address, trusted).reason()).isEqualTo("HTTP 200, receive pattern 'OK healthy' found");
        nginxLogged(address, "SUCCESS 200");
    }

    @ParameterizedTest
    @MethodSource("families")
    void upWhileAlsoVerifyingNginxsCertificate(InetAddress address) {
        TlsVerification both = new TlsVerification(true, Optional.of(pki.caCertificate()), trusted.clientCertificate());
        CheckResult result = runner.run(new HttpCheck(
                HttpSpec.of(Probes.to(address, port)
                        .service(ServiceKind.HTTPS)
                        .request("/health")
                        .virtualHost(NAME)
                        .timeout(TIMEOUT)
                        .tls(both)
                        .build()),
                clients));
        assertThat(result.reason()).isEqualTo("HTTP 200");
    }

    @ParameterizedTest
    @MethodSource("families")
    void theHttp2CheckPresentsItToo(InetAddress address) {
        CheckResult result = runner.run(new Http2Check(
                HttpSpec.of(Probes.to(address, port)
                        .service(ServiceKind.HTTPS)
                        .httpVersion(HttpVersion.HTTP_2)
                        .request("/health")
                        .receive("OK healthy")
                        .timeout(TIMEOUT)
                        .tls(trusted)
                        .build()),
                clients));
        assertThat(result.reason()).isEqualTo("HTTP 200, receive pattern 'OK healthy' found");
        nginxLogged(address, "SUCCESS 200");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWithNginxs400WithoutACertificate(InetAddress address) {
        CheckResult result = https(address, TlsVerification.OFF);
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("HTTP 400");
        nginxLogged(address, "NONE 400");
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWithNginxs400ForACertificateOfAnotherCa(InetAddress address) {
        CheckResult result = https(address, foreign);
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("HTTP 400");
        nginxLogged(address, "FAILED:");
    }
}
