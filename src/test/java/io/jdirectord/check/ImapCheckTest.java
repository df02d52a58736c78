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
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ImapCheckTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Probes here must not time out: a TLS handshake on a loaded host can take more than a second. */
    private static final Duration AMPLE = Duration.ofSeconds(10);
    /** Needs quoting in LOGIN: a space and a double quote. */
    private static final String PASSWORD = "se cret\"1";

    private final CheckRunner runner = new CheckRunner();

    private static Probes imap(ServiceKind kind, InetAddress address, int port) {
        return Probes.negotiate(kind, address, port).timeout(AMPLE);
    }

    private CheckResult check(Probes spec) {
        return runner.run(new ImapCheck(MailboxSpec.of(spec.build()), new TlsContexts()));
    }

    private CheckResult check(ScriptedServer server) {
        return check(imap(ServiceKind.IMAP, LOOPBACK, server.port()));
    }

    /** imaps: the server's certificate is not verified (ldirectord's default). */
    @ParameterizedTest
    @CsvSource({"IMAP, imap, 127.0.0.1", "IMAP, imap, ::1", "IMAPS, imaps, 127.0.0.1", "IMAPS, imaps, ::1"})
    void passesARealServerWithLogin(ServiceKind service, String protocol, String address) throws Exception {
        try (MailServer mail = MailServer.start(address, protocol, PASSWORD)) {
            CheckResult result = check(imap(service, InetAddress.getByName(address), mail.port())
                    .timeout(Duration.ofSeconds(5))
                    .login("bob", PASSWORD));
            assertThat(result.up()).as(result.reason()).isTrue();
            assertThat(result.reason()).startsWith("* OK").endsWith("; logged in as bob");
        }
    }

    @Test
    void sendsLoginAndPasswordAsQuotedStringsAndLogsOut() throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, client -> {
            client.send("* OK ready\r\n");
            String login = client.readLine();
            client.send(login.substring(0, login.indexOf(' ')) + " OK welcome\r\n");
            String logout = client.readLine();
            client.send("* BYE\r\n" + logout.substring(0, logout.indexOf(' ')) + " OK bye\r\n");
        })) {
            CheckResult result =
                    check(imap(ServiceKind.IMAP, LOOPBACK, server.port()).login("bob", "a\\b \"c\""));
            assertThat(result)
                    .extracting(CheckResult::up, CheckResult::reason)
                    .containsExactly(true, "* OK ready; logged in as bob");
            assertThat(server.received()).hasSize(2);
            assertThat(server.received().get(0)).endsWith(" LOGIN \"bob\" \"a\\\\b \\\"c\\\"\"");
            assertThat(server.received().get(1)).endsWith(" LOGOUT");
        }
    }

    @Test
    void failsOnAWrongPassword() throws Exception {
        try (MailServer mail = MailServer.start("127.0.0.1", ServerSetup.PROTOCOL_IMAP, PASSWORD)) {
            CheckResult result =
                    check(imap(ServiceKind.IMAP, LOOPBACK, mail.port()).login("bob", "wrong"));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).startsWith("IMAP login as bob: ").contains(" NO ");
        }
    }

    @Test
    void failsOnAByeGreeting() throws Exception {
        try (ScriptedServer server =
                ScriptedServer.conversation(LOOPBACK, client -> client.send("* BYE too busy\r\n"))) {
            assertThat(check(server))
                    .extracting(CheckResult::up, CheckResult::reason)
                    .containsExactly(false, "IMAP greeting * BYE too busy");
        }
    }

    @Test
    void stopsReadingAnEndlessLoginReplyAtTheReceiveBound() throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, client -> {
            client.send("* OK ready\r\n");
            client.readLine();
            client.sendForever("* CAPABILITY IMAP4rev1\r\n");
        })) {
            CheckResult result = check(imap(ServiceKind.IMAP, LOOPBACK, server.port())
                    .timeout(Duration.ofSeconds(10))
                    .login("bob", "x"));
            assertThat(result.reason()).isEqualTo("IMAP login: more than 64 KiB received");
        }
    }

    @Test
    void verifiesTheCertificateAgainstTheCaFile() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        TlsVerification verify = new TlsVerification(true, Optional.of(certificates.caFile()));
        try (ScriptedServer server = ScriptedServer.conversationTls(
                InetAddress.getByName("::1"), certificates.serverContext(), client -> client.send("* OK secure\r\n"))) {
            Probes spec = imap(ServiceKind.IMAPS, InetAddress.getByName("::1"), server.port())
                    .timeout(Duration.ofSeconds(5))
                    .tls(verify);
            assertThat(check(spec).up()).as("address in the certificate").isTrue();
            assertThat(check(spec.virtualHost("other.test")).reason())
                    .isEqualTo("TLS handshake: No subject alternative DNS name matching other.test found.");
        }
    }
}
