package io.jdirectord.check;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.MailboxSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.OpenSslPki;
import io.jdirectord.check.testing.OpenSslPki.ClientFiles;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS checks present the clientcert of their configuration: against an in-process server that requires a
 * client certificate of a test CA, a pops check is up with it and down, with the handshake's reason, with
 * none or with one of another CA.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientCertificateTest {

    private static final Duration AMPLE = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    private static TlsVerification trusted;
    private static TlsVerification foreign;
    private static SSLContext server;

    private final CheckRunner runner = new CheckRunner();
    private final TlsContexts contexts = new TlsContexts();

    @BeforeAll
    static void makeCertificates() throws Exception {
        require(Files.isExecutable(OpenSslPki.OPENSSL), "openssl is installed");
        OpenSslPki pki = OpenSslPki.create(Files.createDirectories(dir.resolve("ca")), "mail.test");
        OpenSslPki other = OpenSslPki.create(Files.createDirectories(dir.resolve("other")), "mail.test");
        trusted = loaded(pki.clientCertificate("client", "ec"));
        foreign = loaded(other.clientCertificate("stranger", "rsa"));
        server = pki.serverContext();
    }

    /** The TLS setting as the configuration loader makes it. */
    private static TlsVerification loaded(ClientFiles files) throws Exception {
        Path config = Files.writeString(
                dir.resolve(files.certificate().getFileName() + ".cf"),
                "virtual=192.0.2.10:995\n\treal=10.0.0.1 gate\n\tservice=pops\n\tclientcert=" + files.certificate()
                        + "\n\tclientkey=" + files.key() + "\n");
        return new ConfigParser().parse(config).virtualServices().get(0).check().tls();
    }

    @AfterAll
    static void forget() {
        trusted = null;
        foreign = null;
    }

    static Iterable<InetAddress> families() {
        return Loopback.both();
    }

    private static ScriptedServer requiringClientCertificates(InetAddress address) throws Exception {
        return ScriptedServer.conversationMutualTls(address, server, client -> {
            client.record(((SSLSocket) client.socket())
                    .getSession()
                    .getPeerPrincipal()
                    .getName());
            client.send("+OK client known\r\n");
            client.replyToEveryLine("+OK bye\r\n");
        });
    }

    private CheckResult pops(ScriptedServer server, TlsVerification tls) {
        return runner.run(new PopCheck(
                MailboxSpec.of(Probes.negotiate(ServiceKind.POPS, server.address(), server.port())
                        .timeout(AMPLE)
                        .tls(tls)
                        .build()),
                contexts));
    }

    @ParameterizedTest
    @MethodSource("families")
    void upWhenTheClientCertificateIsPresented(InetAddress address) throws Exception {
        try (ScriptedServer mail = requiringClientCertificates(address)) {
            CheckResult result = pops(mail, trusted);
            assertThat(result.reason()).isEqualTo("+OK client known");
            assertThat(result.up()).isTrue();
            assertThat(mail.received()).first().isEqualTo("CN=client");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWithTheHandshakesReasonWithoutACertificate(InetAddress address) throws Exception {
        try (ScriptedServer mail = requiringClientCertificates(address)) {
            CheckResult result = pops(mail, TlsVerification.OFF);
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).matches(refusedBy("certificate_required"));
            assertThat(mail.received()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenTheCertificateComesFromAnotherCa(InetAddress address) throws Exception {
        try (ScriptedServer mail = requiringClientCertificates(address)) {
            CheckResult result = pops(mail, foreign);
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).matches(refusedBy("certificate_unknown"));
            assertThat(mail.received()).isEmpty();
        }
    }

    /**
     * The server's alert, seen in the handshake or (TLS 1.3 ends the client's handshake before the server has
     * judged its certificate) on the first read; or, when the server closed before the client finished
     * writing, the handshake's broken connection.
     */
    private static String refusedBy(String alert) {
        return "(TLS handshake|POP3 greeting): .*Received fatal alert: " + alert
                + "|TLS handshake: SocketException: .*";
    }

    @Test
    void sharesOneSetUpPerVerificationAndClientCertificate() {
        TlsVerification verifying = new TlsVerification(true, trusted.caFile(), trusted.clientCertificate());
        assertThat(contexts.forVerification(trusted)).isSameAs(contexts.forVerification(trusted));
        assertThat(contexts.forVerification(trusted))
                .isNotSameAs(contexts.forVerification(TlsVerification.OFF))
                .isNotSameAs(contexts.forVerification(foreign))
                .isNotSameAs(contexts.forVerification(verifying));
    }
}
