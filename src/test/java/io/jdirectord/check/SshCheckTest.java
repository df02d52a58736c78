package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import io.jdirectord.check.spec.SshSpec;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.testing.Slack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SshCheckTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration SHORT = Duration.ofMillis(700);

    @TempDir
    Path directory;

    private final CheckRunner runner = new CheckRunner();

    private static Probes ssh(InetAddress address, int port) {
        return Probes.negotiate(ServiceKind.SSH, address, port).timeout(Duration.ofSeconds(10));
    }

    private CheckResult check(Probes spec) {
        return runner.run(new SshCheck(SshSpec.of(spec.build())));
    }

    private CheckResult check(ScriptedServer server) {
        return check(ssh(LOOPBACK, server.port()).timeout(SHORT));
    }

    /** A MINA SSHD server letting in bob/secret by password and alice by {@code aliceKey} (an OpenSSH public key line). */
    private static SshServer sshServer(String address, String aliceKey) throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(address);
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        server.setPasswordAuthenticator((user, password, session) -> "bob".equals(user) && "secret".equals(password));
        server.setPublickeyAuthenticator((user, key, session) ->
                "alice".equals(user) && PublicKeyEntry.toString(key).equals(aliceKey));
        server.start();
        return server;
    }

    /** Writes a new unencrypted ECDSA private key to {@code file}; returns its public key line. */
    private static String writeKey(Path file) throws Exception {
        KeyPair pair = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        pair.writePrivateKey(file.toString());
        return "ecdsa-sha2-nistp256 " + Base64.getEncoder().encodeToString(pair.getPublicKeyBlob());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void passesOnceTheHostKeyIsReceivedWhenNoLoginIsConfigured(String address) throws Exception {
        SshServer server = sshServer(address, null);
        try {
            CheckResult result = check(ssh(InetAddress.getByName(address), server.getPort()));
            assertThat(result.up()).as(result.reason()).isTrue();
            assertThat(result.reason()).startsWith("SSH-2.0-").endsWith(" received (no login configured)");
        } finally {
            server.stop(true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void logsInWithAPassword(String address) throws Exception {
        SshServer server = sshServer(address, null);
        try {
            CheckResult result =
                    check(ssh(InetAddress.getByName(address), server.getPort()).login("bob", "secret"));
            assertThat(result.up()).as(result.reason()).isTrue();
            assertThat(result.reason()).endsWith("; logged in as bob");
        } finally {
            server.stop(true);
        }
    }

    @Test
    void logsInWithAPrivateKey() throws Exception {
        Path key = directory.resolve("id_ecdsa");
        SshServer server = sshServer("127.0.0.1", writeKey(key));
        try {
            CheckResult result =
                    check(ssh(LOOPBACK, server.getPort()).login("alice", "").sshKey(key));
            assertThat(result.up()).as(result.reason()).isTrue();
        } finally {
            server.stop(true);
        }
    }

    @Test
    void failsOnAWrongPassword() throws Exception {
        SshServer server = sshServer("127.0.0.1", null);
        try {
            CheckResult result = check(ssh(LOOPBACK, server.getPort()).login("bob", "wrong"));
            assertThat(result.up()).isFalse();
            assertThat(result.reason())
                    .isEqualTo(
                            "SSH login as bob: credentials not accepted (server offers password,keyboard-interactive,publickey)");
        } finally {
            server.stop(true);
        }
    }

    @Test
    void failsOnAKeyTheServerDoesNotKnow() throws Exception {
        Path key = directory.resolve("id_other");
        writeKey(key);
        SshServer server = sshServer("127.0.0.1", writeKey(directory.resolve("id_alice")));
        try {
            CheckResult result =
                    check(ssh(LOOPBACK, server.getPort()).login("alice", "").sshKey(key));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).startsWith("SSH login as alice: credentials not accepted (server offers ");
        } finally {
            server.stop(true);
        }
    }

    @Test
    void understandsServersThatSignOnlyWithSshRsa() throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider();
        hostKey.setAlgorithm("RSA");
        server.setKeyPairProvider(hostKey);
        server.setSignatureFactories(List.of(BuiltinSignatures.rsa));
        server.start();
        try {
            CheckResult result = check(ssh(LOOPBACK, server.getPort()));
            assertThat(result.up()).as(result.reason()).isTrue();
            assertThat(result.reason()).contains("host key ssh-rsa received");
        } finally {
            server.stop(true);
        }
    }

    @Test
    void failsWhenTheConnectionIsRefused() throws Exception {
        assertThat(check(ssh(LOOPBACK, ScriptedServer.refusedPort(LOOPBACK))).reason())
                .isEqualTo("connection refused");
    }

    @Test
    void givesUpOnASilentServerAtTheDeadline() throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, ScriptedServer.Connection::stayQuiet)) {
            CheckResult result = check(server);
            assertThat(result.reason()).isEqualTo("SSH handshake: timeout after 700 ms");
            assertThat(result.elapsed()).isLessThan(Slack.after(SHORT));
        }
    }

    @Test
    void failsOnGarbageAfterTheVersionLine() throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, client -> {
            client.send("SSH-2.0-Fake\r\n");
            client.sendGarbage(3000);
            client.stayQuiet();
        })) {
            CheckResult result = check(server);
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).startsWith("SSH handshake: ").doesNotContain("timeout");
        }
    }

    @Test
    void cutsOffATrickleAtTheDeadline() throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(
                LOOPBACK, client -> client.trickle("SSH-2.0-" + "slow".repeat(100) + "\r\n", Duration.ofMillis(50)))) {
            CheckResult result = check(server);
            assertThat(result.reason()).isEqualTo("SSH handshake: timeout after 700 ms");
            assertThat(result.elapsed()).isLessThan(Slack.after(SHORT));
        }
    }

    @Test
    void stopsReadingEndlessLinesBeforeTheVersionAtTheReceiveBound() throws Exception {
        try (ScriptedServer server =
                ScriptedServer.conversation(LOOPBACK, client -> client.sendForever("please wait\r\n"))) {
            assertThat(check(ssh(LOOPBACK, server.port())).reason())
                    .isEqualTo("SSH handshake: more than 64 KiB received");
        }
    }

    @Test
    void rejectsAnEndlessVersionLine() throws Exception {
        try (ScriptedServer server =
                ScriptedServer.conversation(LOOPBACK, client -> client.sendForever("SSH-2.0-xxxxxxxx"))) {
            assertThat(check(ssh(LOOPBACK, server.port())).reason())
                    .isEqualTo("SSH handshake: invalid server's version string");
        }
    }

    @Test
    void failsWhenTheKeyFileIsNotAKey() throws Exception {
        Path key = Files.writeString(directory.resolve("not-a-key"), "hello\n");
        CheckResult result = check(ssh(LOOPBACK, 22).login("alice", "").sshKey(key));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).startsWith("sshkey " + key + ": ");
    }

    @Test
    void refusesAMissingKeyFileWhenCreated() {
        Path missing = directory.resolve("missing");
        assertThatThrownBy(() -> new SshCheck(SshSpec.of(
                        ssh(LOOPBACK, 22).login("alice", "").sshKey(missing).build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }
}
