package io.jdirectord.check;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.FtpSpec;
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
 * FtpCheck against Debian's vsftpd, one instance on 127.0.0.1 and one on ::1, each serving an anonymous
 * root with one file. vsftpd must run as root (it chroots); skipped otherwise or when it is missing.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class VsftpdIT {

    private static final String VSFTPD = "/usr/sbin/vsftpd";

    private static Path directory;
    private static LocalDaemon ipv4;
    private static LocalDaemon ipv6;
    private static int port4;
    private static int port6;

    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startVsftpd() throws Exception {
        require(HostCommands.isRoot(), "vsftpd needs root");
        require(HostCommands.executable(VSFTPD), "vsftpd is not installed");
        directory = HostCommands.openTempDirectory("jdirectord-vsftpd");
        Path anonymous = Files.createDirectories(directory.resolve("anon"));
        Files.createDirectories(directory.resolve("empty"));
        Files.writeString(anonymous.resolve("health.txt"), "status: OK\n");
        InetAddress v4 = InetAddress.getByName("127.0.0.1");
        InetAddress v6 = InetAddress.getByName("::1");
        port4 = HostCommands.freePort(v4);
        port6 = HostCommands.freePort(v6);
        ipv4 = start("v4", "listen=YES\nlisten_ipv6=NO\nlisten_address=127.0.0.1\nlisten_port=" + port4);
        ipv6 = start("v6", "listen=NO\nlisten_ipv6=YES\nlisten_address6=::1\nlisten_port=" + port6);
        ipv4.awaitListening(v4, port4);
        ipv6.awaitListening(v6, port6);
    }

    private static LocalDaemon start(String name, String listen) throws Exception {
        Path config = directory.resolve(name + ".conf");
        Files.writeString(
                config,
                listen + "\n"
                        + String.join(
                                "\n",
                                "background=NO",
                                "anonymous_enable=YES",
                                "anon_root=" + directory.resolve("anon"),
                                "no_anon_password=YES",
                                "local_enable=YES",
                                "pam_service_name=vsftpd",
                                "write_enable=NO",
                                "secure_chroot_dir=" + directory.resolve("empty"),
                                "seccomp_sandbox=NO",
                                "xferlog_enable=NO",
                                "vsftpd_log_file=" + directory.resolve(name + "-vsftpd.log"))
                        + "\n");
        return LocalDaemon.start(name, List.of(VSFTPD, config.toString()), directory.resolve(name + ".out"));
    }

    @AfterAll
    static void stopVsftpd() throws Exception {
        for (LocalDaemon daemon : new LocalDaemon[] {ipv4, ipv6}) {
            if (daemon != null) {
                daemon.close();
            }
        }
        HostCommands.deleteTree(directory);
    }

    private CheckResult check(String address, UnaryOperator<Probes> customizer) throws Exception {
        InetAddress target = InetAddress.getByName(address);
        Probes spec = Probes.negotiate(ServiceKind.FTP, target, target.getAddress().length == 4 ? port4 : port6)
                .timeout(Duration.ofSeconds(10))
                .login("anonymous", "ldirectord@example");
        return runner.run(new FtpCheck(FtpSpec.of(customizer.apply(spec).build())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void passesAnAnonymousDownloadThatMatchesReceive(String address) throws Exception {
        CheckResult result = check(address, spec -> spec.request("/health.txt").receive("status: OK"));
        assertThat(result.up()).as(result.reason()).isTrue();
        assertThat(result.reason()).isEqualTo("RETR /health.txt: receive pattern 'status: OK' found in 11 bytes");
    }

    @Test
    void failsWhenTheDownloadDoesNotMatch() throws Exception {
        CheckResult result =
                check("127.0.0.1", spec -> spec.request("/health.txt").receive("status: FAILED"));
        assertThat(result)
                .extracting(CheckResult::up, CheckResult::reason)
                .containsExactly(false, "receive pattern 'status: FAILED' not found in 11 bytes");
    }

    @Test
    void failsWithVsftpdsReplyForAMissingFile() throws Exception {
        CheckResult result = check("::1", spec -> spec.request("/missing.txt"));
        assertThat(result)
                .extracting(CheckResult::up, CheckResult::reason)
                .containsExactly(false, "RETR /missing.txt: 550 Failed to open file.");
    }

    @Test
    void failsWithVsftpdsReplyForAWrongPassword() throws Exception {
        CheckResult result = check("127.0.0.1", spec -> spec.login("jdirectord-nobody", "wrong"));
        assertThat(result)
                .extracting(CheckResult::up, CheckResult::reason)
                .containsExactly(false, "FTP login as jdirectord-nobody: 530 Login incorrect.");
    }
}
