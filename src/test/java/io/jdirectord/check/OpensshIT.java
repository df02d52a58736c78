package io.jdirectord.check;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.SshSpec;
import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.checks.testing.LocalDaemon;
import io.jdirectord.config.ServiceKind;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SshCheck against Debian's OpenSSH server ({@code sshd -D}) on 127.0.0.1 and ::1 with a generated host
 * key: key exchange only, public-key login as root with a generated key, and password login as a
 * throw-away local user that the test creates and deletes. Needs root; skipped otherwise or when
 * sshd, ssh-keygen, useradd or chpasswd are missing.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OpensshIT {

    private static final String SSHD = "/usr/sbin/sshd";
    private static final String USER = "jdck" + ProcessHandle.current().pid() % 100000;
    private static final String PASSWORD = "Pw-" + Long.toHexString(System.nanoTime());

    private static Path directory;
    private static LocalDaemon sshd;
    private static int port;
    private static boolean userCreated;

    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startSshd() throws Exception {
        require(HostCommands.isRoot(), "sshd needs root");
        for (String tool : List.of(SSHD, "/usr/bin/ssh-keygen", "/usr/sbin/useradd", "/usr/sbin/chpasswd")) {
            require(HostCommands.executable(tool), tool + " is not installed");
        }
        directory = HostCommands.openTempDirectory("jdirectord-sshd");
        keygen(directory.resolve("host_ed25519"));
        keygen(directory.resolve("client_ed25519"));
        Files.copy(directory.resolve("client_ed25519.pub"), directory.resolve("authorized_keys"));
        Files.createDirectories(Path.of("/run/sshd"));
        port = HostCommands.freePort(InetAddress.getByName("127.0.0.1"));
        Path config = directory.resolve("sshd_config");
        Files.writeString(
                config,
                String.join(
                                "\n",
                                "Port " + port,
                                "ListenAddress 127.0.0.1",
                                "ListenAddress ::1",
                                "HostKey " + directory.resolve("host_ed25519"),
                                "PidFile " + directory.resolve("sshd.pid"),
                                "AuthorizedKeysFile " + directory.resolve("authorized_keys"),
                                "StrictModes no",
                                "UsePAM no",
                                "PasswordAuthentication yes",
                                "KbdInteractiveAuthentication no",
                                "PermitRootLogin prohibit-password")
                        + "\n");
        sshd = LocalDaemon.start(
                "sshd", List.of(SSHD, "-D", "-e", "-f", config.toString()), directory.resolve("sshd.out"));
        sshd.awaitListening(InetAddress.getByName("127.0.0.1"), port);
        sshd.awaitListening(InetAddress.getByName("::1"), port);
        userCreated = HostCommands.run("useradd", "--no-create-home", "--shell", "/bin/sh", USER)
                        .ok()
                && HostCommands.run("sh", "-c", "echo '" + USER + ":" + PASSWORD + "' | chpasswd")
                        .ok();
    }

    private static void keygen(Path key) {
        HostCommands.Outcome outcome =
                HostCommands.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        assertThat(outcome.ok()).as(outcome.output()).isTrue();
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
        if (userCreated) {
            HostCommands.run("userdel", USER);
        }
        HostCommands.deleteTree(directory);
    }

    private CheckResult check(String address, UnaryOperator<Probes> customizer) throws Exception {
        Probes spec = Probes.negotiate(ServiceKind.SSH, InetAddress.getByName(address), port)
                .timeout(Duration.ofSeconds(10));
        return runner.run(new SshCheck(SshSpec.of(customizer.apply(spec).build())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void passesOnTheKeyExchangeWithoutLogin(String address) throws Exception {
        CheckResult result = check(address, spec -> spec);
        assertThat(result.up()).as(result.reason() + "\n" + sshd.log()).isTrue();
        assertThat(result.reason())
                .startsWith("SSH-2.0-OpenSSH_")
                .endsWith("host key ssh-ed25519 received (no login configured)");
    }

    @Test
    void logsInAsRootWithAGeneratedKey() throws Exception {
        CheckResult result = check("::1", spec -> spec.login("root", "").sshKey(directory.resolve("client_ed25519")));
        assertThat(result.up()).as(result.reason() + "\n" + sshd.log()).isTrue();
        assertThat(result.reason()).endsWith("; logged in as root");
    }

    @Test
    void logsInWithAPassword() throws Exception {
        require(userCreated, "could not create the throw-away user " + USER);
        CheckResult result = check("127.0.0.1", spec -> spec.login(USER, PASSWORD));
        assertThat(result.up()).as(result.reason() + "\n" + sshd.log()).isTrue();
    }

    @Test
    void failsOnAWrongPassword() throws Exception {
        require(userCreated, "could not create the throw-away user " + USER);
        CheckResult result = check("127.0.0.1", spec -> spec.login(USER, "wrong"));
        assertThat(result.up()).isFalse();
        assertThat(result.reason())
                .isEqualTo("SSH login as " + USER + ": credentials not accepted (server offers publickey,password)");
    }
}
