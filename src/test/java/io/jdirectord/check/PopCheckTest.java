package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.ServerSetup;
import io.jdirectord.check.spec.MailboxSpec;
import io.jdirectord.check.testing.MailServer;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.check.testing.TestCertificates;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import io.jdirectord.testing.Slack;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PopCheckTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration SHORT = Duration.ofMillis(700);
    /** For probes that must not time out: a TLS handshake on a loaded host can take more than {@link #SHORT}. */
    private static final Duration AMPLE = Duration.ofSeconds(10);

    private final CheckRunner runner = new CheckRunner();

    private static Probes pop(ServiceKind kind, InetAddress address, int port) {
        return Probes.negotiate(kind, address, port).timeout(AMPLE);
    }

    private CheckResult check(Probes spec) {
        return runner.run(new PopCheck(MailboxSpec.of(spec.build()), new TlsContexts()));
    }

    private CheckResult check(ScriptedServer server) {
        return check(pop(ServiceKind.POP, LOOPBACK, server.port()));
    }

    /** pops: the server's certificate is not verified (ldirectord's default). */
    @ParameterizedTest
    @CsvSource({"POP, pop3, 127.0.0.1", "POP, pop3, ::1", "POPS, pop3s, 127.0.0.1", "POPS, pop3s, ::1"})
    void passesARealServerWithLogin(ServiceKind service, String protocol, String address) throws Exception {
        try (MailServer mail = MailServer.start(address, protocol, "secret")) {
            CheckResult result = check(pop(service, InetAddress.getByName(address), mail.port())
                    .timeout(Duration.ofSeconds(5))
                    .login("bob", "secret"));
            assertThat(result.up()).as(result.reason()).isTrue();
            assertThat(result.reason()).startsWith("+OK").endsWith("; logged in as bob");
        }
    }

    @Test
    void passesWithoutLoginWhenNoneIsConfigured() throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, client -> {
            client.send("+OK POP3 ready\r\n");
            client.replyToEveryLine("+OK bye\r\n");
        })) {
            CheckResult result = check(server);
            assertThat(result).extracting(CheckResult::up, CheckResult::reason).containsExactly(true, "+OK POP3 ready");
            assertThat(server.received()).containsExactly("QUIT");
        }
    }

    @Test
    void failsOnAWrongPassword() throws Exception {
        try (MailServer mail = MailServer.start("127.0.0.1", ServerSetup.PROTOCOL_POP3, "secret")) {
            CheckResult result =
                    check(pop(ServiceKind.POP, LOOPBACK, mail.port()).login("bob", "wrong"));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).startsWith("POP3 login as bob: -ERR");
        }
    }

    @Test
    void failsOnAnErrGreeting() throws Exception {
        try (ScriptedServer server =
                ScriptedServer.conversation(LOOPBACK, client -> client.send("-ERR too busy\r\n"))) {
            assertThat(check(server))
                    .extracting(CheckResult::up, CheckResult::reason)
                    .containsExactly(false, "POP3 greeting -ERR too busy");
        }
    }

    @Test
    void rejectsAnUntrustedCertificateWhenVerifying() throws Exception {
        try (MailServer mail = MailServer.start("127.0.0.1", ServerSetup.PROTOCOL_POP3S, "secret")) {
            CheckResult result = check(
                    pop(ServiceKind.POPS, LOOPBACK, mail.port()).tls(new TlsVerification(true, Optional.empty())));
            assertThat(result.up()).isFalse();
            assertThat(result.reason())
                    .isEqualTo("TLS handshake: unable to find valid certification path to requested target");
        }
    }

    @Test
    void verifiesTheCertificateAgainstTheCaFileAndTheVirtualHost() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        TlsVerification verify = new TlsVerification(true, Optional.of(certificates.caFile()));
        try (ScriptedServer server = ScriptedServer.conversationTls(LOOPBACK, certificates.serverContext(), client -> {
            client.send("+OK secure\r\n");
            client.replyToEveryLine("+OK bye\r\n");
        })) {
            Probes spec = pop(ServiceKind.POPS, LOOPBACK, server.port())
                    .timeout(Duration.ofSeconds(5))
                    .tls(verify);
            assertThat(check(spec).up()).as("address in the certificate").isTrue();
            assertThat(check(spec.virtualHost(TestCertificates.HOST_NAME)).up())
                    .as("virtualhost")
                    .isTrue();
            CheckResult wrongName = check(spec.virtualHost("other.test"));
            assertThat(wrongName.up()).isFalse();
            assertThat(wrongName.reason())
                    .isEqualTo("TLS handshake: No subject alternative DNS name matching other.test found.");
        }
    }

    @Test
    void failsWhenAPlainServerAnswersTheTlsHandshake() throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, client -> {
            client.send("+OK plain text\r\n");
            client.stayQuiet();
        })) {
            CheckResult result = check(pop(ServiceKind.POPS, LOOPBACK, server.port()));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).startsWith("TLS handshake: ");
        }
    }

    @Test
    void givesUpOnASilentTlsServerAtTheDeadline() throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, ScriptedServer.Connection::stayQuiet)) {
            CheckResult result =
                    check(pop(ServiceKind.POPS, LOOPBACK, server.port()).timeout(SHORT));
            assertThat(result.reason()).isEqualTo("TLS handshake: timeout after 700 ms");
            assertThat(result.elapsed()).isLessThan(Slack.after(SHORT));
        }
    }
}
