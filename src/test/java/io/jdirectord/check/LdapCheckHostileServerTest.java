package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.asn1.ASN1StreamReader;
import com.unboundid.ldap.protocol.BindResponseProtocolOp;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.ProtocolOp;
import com.unboundid.ldap.protocol.SearchResultDoneProtocolOp;
import com.unboundid.ldap.protocol.SearchResultEntryProtocolOp;
import io.jdirectord.check.spec.LdapSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.config.ServiceKind;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** LdapCheck against scripted servers that answer wrongly, slowly, too much, or not at all. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LdapCheckHostileServerTest {

    private static final Duration SHORT = Duration.ofMillis(700);
    /** For answers that must come before the deadline: on a loaded host they can take more than {@link #SHORT}. */
    private static final Duration AMPLE = Duration.ofSeconds(10);

    private static final String BASE = "dc=example,dc=com";

    private final CheckRunner runner = new CheckRunner();

    private CheckResult check(ScriptedServer server, Duration timeout) {
        Probes spec = Probes.negotiate(ServiceKind.LDAP, server.address(), server.port())
                .request("/" + BASE)
                .timeout(timeout)
                .maxReceive(4096);
        return runner.run(new LdapCheck(LdapSpec.of(spec.build()), new TlsContexts()));
    }

    private CheckResult check(ScriptedServer server) {
        return check(server, AMPLE);
    }

    private static byte[] encoded(int messageId, ProtocolOp op) {
        return new LDAPMessage(messageId, op).encode().encode();
    }

    private static BindResponseProtocolOp bindResult(int code, String message) {
        return new BindResponseProtocolOp(code, null, message, null, null);
    }

    /** Answers the bind with success and the search with {@code entries} and {@code doneCode}. */
    private static ScriptedServer directory(InetAddress address, int doneCode, String... entries) throws IOException {
        return ScriptedServer.conversation(address, client -> {
            ASN1StreamReader in = new ASN1StreamReader(client.in());
            try {
                client.out().write(encoded(messageId(in), bindResult(0, null)));
                int search = messageId(in);
                for (String dn : entries) {
                    client.out().write(encoded(search, new SearchResultEntryProtocolOp(dn, List.of())));
                }
                client.out().write(encoded(search, new SearchResultDoneProtocolOp(doneCode, null, null, null)));
                client.out().flush();
                client.stayQuiet();
            } catch (com.unboundid.ldap.sdk.LDAPException e) {
                throw new IOException(e);
            }
        });
    }

    private static int messageId(ASN1StreamReader in) throws IOException, com.unboundid.ldap.sdk.LDAPException {
        LDAPMessage message = LDAPMessage.readFrom(in, true);
        if (message == null) {
            throw new IOException("client closed");
        }
        return message.getMessageID();
    }

    @ParameterizedTest
    @MethodSource("io.jdirectord.check.testing.Loopback#both")
    void passesOneEntry(InetAddress address) throws IOException {
        try (ScriptedServer server = directory(address, 0, BASE)) {
            assertThat(check(server))
                    .extracting(CheckResult::up, CheckResult::reason)
                    .containsExactly(true, "LDAP entry 'dc=example,dc=com'");
        }
    }

    @Test
    void failsWhenTheSearchReturnsTwoEntries() throws IOException {
        try (ScriptedServer server = directory(Loopback.V4, 4, BASE, "ou=x," + BASE)) {
            assertThat(check(server).reason()).isEqualTo("LDAP search returned 2 entries");
        }
    }

    @Test
    void failsWhenTheSearchSucceedsWithoutAnEntry() throws IOException {
        try (ScriptedServer server = directory(Loopback.V4, 0)) {
            assertThat(check(server).reason()).isEqualTo("LDAP search of 'dc=example,dc=com' returned no entry");
        }
    }

    @Test
    void quotesARefusedAnonymousBind() throws IOException {
        try (ScriptedServer server = ScriptedServer.conversation(Loopback.V4, client -> {
            client.in().read(new byte[64]);
            client.out().write(encoded(1, bindResult(53, "anonymous bind disallowed")));
            client.stayQuiet();
        })) {
            assertThat(check(server).reason())
                    .isEqualTo("LDAP anonymous bind failed: unwilling to perform (53): anonymous bind disallowed");
        }
    }

    @Test
    void timesOutOnASilentServer() throws IOException {
        try (ScriptedServer server = ScriptedServer.start(Loopback.V4, ScriptedServer.Connection::stayQuiet)) {
            assertThat(check(server, SHORT).reason()).isEqualTo("LDAP bind: timeout after 700 ms");
        }
    }

    @Test
    void cutsOffATrickleAtTheDeadline() throws IOException {
        byte[] answer = encoded(1, bindResult(0, "x".repeat(200)));
        try (ScriptedServer server = ScriptedServer.start(Loopback.V4, client -> {
            client.in().read(new byte[64]);
            client.trickle(new String(answer, StandardCharsets.ISO_8859_1), Duration.ofMillis(20));
        })) {
            assertThat(check(server, SHORT).reason()).isEqualTo("LDAP bind: timeout after 700 ms");
        }
    }

    @Test
    void reportsAServerThatClosesAtOnce() throws IOException {
        try (ScriptedServer server = ScriptedServer.conversation(Loopback.V4, client -> {})) {
            assertThat(check(server).reason()).isEqualTo("LDAP bind: connection closed by server");
        }
    }

    @Test
    void reportsAnAnswerThatIsNotLdap() throws IOException {
        byte[] notAnLdapMessage = {0x30, 0x06, 0x02, 0x01, 0x01, 0x5f, 0x01, 0x00};
        try (ScriptedServer server = ScriptedServer.start(Loopback.V4, client -> {
            client.in().read(new byte[64]);
            client.out().write(notAnLdapMessage);
            client.stayQuiet();
        })) {
            CheckResult result = check(server);
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).startsWith("LDAP bind: malformed reply: ");
        }
    }

    @Test
    void waitsNoLongerThanTheDeadlineForTheRestOfATruncatedAnswer() throws IOException {
        try (ScriptedServer server = ScriptedServer.start(Loopback.V4, client -> {
            client.in().read(new byte[64]);
            client.send("HTTP/1.1 400 Bad Request\r\n\r\n");
            client.stayQuiet();
        })) {
            assertThat(check(server, SHORT).reason()).isEqualTo("LDAP bind: timeout after 700 ms");
        }
    }

    @Test
    void refusesAReplyLargerThanTheReceiveBound() throws IOException {
        byte[] answer = encoded(1, bindResult(0, "x".repeat(10_000)));
        try (ScriptedServer server = ScriptedServer.start(Loopback.V4, client -> {
            client.in().read(new byte[64]);
            client.out().write(answer);
            client.stayQuiet();
        })) {
            assertThat(check(server).reason())
                    .isEqualTo("LDAP bind: more than " + ByteSize.describe(4096) + " received");
        }
    }

    @Test
    void failsWhenAPlainServerAnswersTheTlsHandshake() throws IOException {
        try (ScriptedServer server = directory(Loopback.V4, 0, BASE)) {
            Probes spec = Probes.negotiate(ServiceKind.LDAPS, server.address(), server.port())
                    .timeout(SHORT);
            CheckResult result = runner.run(new LdapCheck(LdapSpec.of(spec.build()), new TlsContexts()));
            assertThat(result.reason()).startsWith("TLS handshake: ");
        }
    }

    /** The SDK runs synchronously: no reader or timer thread outlives a probe. */
    @Test
    void leavesNoThreadBehind() throws Exception {
        try (ScriptedServer server = directory(Loopback.V4, 0, BASE)) {
            assertThat(check(server).up()).isTrue();
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            for (int i = 0; i < 50; i++) {
                assertThat(check(server, Duration.ofSeconds(5)).up()).isTrue();
            }
            Set<Thread> added = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t))
                    .collect(Collectors.toSet());
            for (Thread thread : added) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            assertThat(added.stream().filter(Thread::isAlive).map(Thread::getName))
                    .isEmpty();
        }
    }
}
