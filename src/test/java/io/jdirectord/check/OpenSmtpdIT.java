package io.jdirectord.check;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.Probe;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SmtpCheck (smtp and submission) against Debian's OpenSMTPD in the foreground ({@code smtpd -d}) on
 * 127.0.0.1 and ::1. OpenSMTPD needs root; skipped otherwise or when it is missing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenSmtpdIT {

    private static final String SMTPD = "/usr/sbin/smtpd";

    private static Path directory;
    private static LocalDaemon smtpd;
    private static int port;

    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startSmtpd() throws Exception {
        require(HostCommands.isRoot(), "OpenSMTPD needs root");
        require(HostCommands.executable(SMTPD), "OpenSMTPD is not installed");
        directory = HostCommands.openTempDirectory("jdirectord-smtpd");
        port = HostCommands.freePort(InetAddress.getByName("127.0.0.1"));
        Path config = directory.resolve("smtpd.conf");
        Files.writeString(
                config,
                String.join(
                                "\n",
                                "listen on 127.0.0.1 port " + port,
                                "listen on ::1 port " + port,
                                "action \"local\" mbox",
                                "match from local for local action \"local\"")
                        + "\n");
        smtpd = LocalDaemon.start(
                "OpenSMTPD", List.of(SMTPD, "-d", "-f", config.toString()), directory.resolve("smtpd.out"));
        smtpd.awaitListening(InetAddress.getByName("127.0.0.1"), port);
        smtpd.awaitListening(InetAddress.getByName("::1"), port);
    }

    @AfterAll
    static void stopSmtpd() throws Exception {
        if (smtpd != null) {
            smtpd.close();
        }
        HostCommands.deleteTree(directory);
    }

    @ParameterizedTest
    @CsvSource({"SMTP, 127.0.0.1", "SMTP, ::1", "SUBMISSION, 127.0.0.1"})
    void passesOpenSmtpd(ServiceKind service, String address) throws Exception {
        CheckResult result =
                runner.run(new SmtpCheck(Probe.negotiate(Probes.negotiate(service, InetAddress.getByName(address), port)
                        .timeout(Duration.ofSeconds(10))
                        .build())));
        assertThat(result.up()).as(result.reason() + "\n" + smtpd.log()).isTrue();
        assertThat(result.reason())
                .startsWith("220 ")
                .contains("ESMTP OpenSMTPD")
                .endsWith("; EHLO 250");
    }
}
