package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.check.spec.HttpSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.check.testing.Scripts;
import io.jdirectord.check.testing.TestCertificate;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTTPS side of the HTTP check: SNI, trust-all by default, verification against a CA file. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpsCheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String NAME = "www.example.test";
    private static final String REPLY = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecure";

    @TempDir
    static Path dir;

    private static TestCertificate certificate;
    private static SSLContext serverContext;

    private final CheckRunner runner = new CheckRunner();
    private final TlsContexts clients = new TlsContexts();

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = TestCertificate.selfSigned(dir, NAME);
        serverContext = certificate.serverContext();
    }

    static Iterable<InetAddress> families() {
        return Loopback.both();
    }

    private static Probes https(InetAddress address, int port) {
        return Probes.to(address, port)
                .service(ServiceKind.HTTPS)
                .receive("secure")
                .timeouts(Duration.ofSeconds(30), TIMEOUT);
    }

    private TlsVerification verifyAgainstCertificate() {
        return new TlsVerification(true, Optional.of(certificate.certificatePem()));
    }

    private CheckResult run(Probes probe) {
        return runner.run(new HttpCheck(HttpSpec.of(probe.build()), clients));
    }

    @ParameterizedTest
    @MethodSource("families")
    void sendsTheVirtualHostAsServerNameIndication(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.startTls(address, serverContext, Scripts.afterRequestHead(REPLY))) {
            assertThat(run(https(address, server.port()).virtualHost(NAME)).up())
                    .isTrue();
            assertThat(server.serverNames()).containsExactly(NAME);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void sendsNoServerNameForAnAddress(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.startTls(address, serverContext, Scripts.afterRequestHead(REPLY))) {
            assertThat(run(https(address, server.port())).up()).isTrue();
            assertThat(server.serverNames()).containsExactly("");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void acceptsAMismatchedNameWithoutVerification(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.startTls(address, serverContext, Scripts.afterRequestHead(REPLY))) {
            assertThat(run(https(address, server.port()).virtualHost("other.example.test"))
                            .up())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void verifiesTheChainAndTheVirtualHost(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.startTls(address, serverContext, Scripts.afterRequestHead(REPLY))) {
            CheckResult result =
                    run(https(address, server.port()).virtualHost(NAME).tls(verifyAgainstCertificate()));
            assertThat(result.reason()).isEqualTo("HTTP 200, receive pattern 'secure' found");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void verifiesTheAddressWithoutVirtualHost(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.startTls(address, serverContext, Scripts.afterRequestHead(REPLY))) {
            assertThat(run(https(address, server.port()).tls(verifyAgainstCertificate()))
                            .up())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void rejectsAWrongNameWhenVerifying(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.startTls(address, serverContext, Scripts.afterRequestHead(REPLY))) {
            CheckResult result = run(https(address, server.port())
                    .virtualHost("other.example.test")
                    .tls(verifyAgainstCertificate()));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).isEqualTo("TLS certificate does not match 'other.example.test'");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void rejectsACertificateTheSystemDoesNotTrust(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.startTls(address, serverContext, Scripts.afterRequestHead(REPLY))) {
            CheckResult result = run(
                    https(address, server.port()).virtualHost(NAME).tls(new TlsVerification(true, Optional.empty())));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).isEqualTo("TLS certificate of 'www.example.test' is not trusted");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void cutsAStalledHandshakeAtTheDeadline(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, Scripts.silent())) {
            CheckResult result = run(https(address, server.port()).timeout(Duration.ofMillis(1500)));
            assertThat(result.reason()).isEqualTo("timeout after 1500 ms waiting for the TLS handshake");
            assertThat(result.elapsed()).isLessThan(Duration.ofMillis(2500));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenTheServerSpeaksPlainHttp(InetAddress address) throws Exception {
        String plain = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
        try (ScriptedServer server = ScriptedServer.start(address, Scripts.sendAndHold(plain))) {
            CheckResult result = run(https(address, server.port()));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).startsWith("TLS handshake failed: ");
        }
    }

    @Test
    void refusesAnUnreadableCaFileWhenTheCheckIsMade() {
        TlsVerification missing = new TlsVerification(true, Optional.of(dir.resolve("missing.pem")));
        assertThatThrownBy(() -> new HttpCheck(
                        HttpSpec.of(https(Loopback.V4, 443).tls(missing).build()), clients))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.pem");
    }
}
