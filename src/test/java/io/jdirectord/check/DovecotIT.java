package io.jdirectord.check;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.MailboxSpec;
import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.checks.testing.LocalDaemon;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PopCheck and ImapCheck against Debian's Dovecot ({@code dovecot -F}) serving pop3, pop3s, imap and
 * imaps on 127.0.0.1 and ::1, with a passwd-file user bob, mail kept as nobody in the temporary
 * directory, and an openssl-made certificate for mail.test, 127.0.0.1 and ::1. Needs root; skipped
 * otherwise or when dovecot or openssl are missing.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DovecotIT {

    private static final String DOVECOT = "/usr/sbin/dovecot";
    private static final Map<ServiceKind, Integer> PORTS = new EnumMap<>(ServiceKind.class);

    private static Path directory;
    private static LocalDaemon dovecot;

    private final TlsContexts tls = new TlsContexts();

    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startDovecot() throws Exception {
        require(HostCommands.isRoot(), "dovecot needs root");
        require(HostCommands.executable(DOVECOT), "dovecot is not installed");
        require(HostCommands.executable("/usr/bin/openssl"), "openssl is not installed");
        directory = HostCommands.openTempDirectory("jdirectord-dovecot");
        certificate();
        Files.writeString(directory.resolve("users"), "bob:{PLAIN}s3cret::::::\n");
        giveToNobody(Files.createDirectories(directory.resolve("home")));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (ServiceKind kind : List.of(ServiceKind.POP, ServiceKind.POPS, ServiceKind.IMAP, ServiceKind.IMAPS)) {
            PORTS.put(kind, HostCommands.freePort(loopback));
        }
        Path config = directory.resolve("dovecot.conf");
        Files.writeString(config, configuration());
        dovecot = LocalDaemon.start(
                "dovecot", List.of(DOVECOT, "-F", "-c", config.toString()), directory.resolve("dovecot.out"));
        for (int port : PORTS.values()) {
            dovecot.awaitListening(loopback, port);
            dovecot.awaitListening(InetAddress.getByName("::1"), port);
        }
    }

    private static void certificate() {
        HostCommands.Outcome made = HostCommands.run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=mail.test",
                "-addext",
                "subjectAltName=DNS:mail.test,IP:127.0.0.1,IP:::1",
                "-keyout",
                directory.resolve("key.pem").toString(),
                "-out",
                directory.resolve("cert.pem").toString());
        assertThat(made.ok()).as(made.output()).isTrue();
    }

    private static void giveToNobody(Path path) throws Exception {
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName("nobody"));
        GroupPrincipal group = lookup.lookupPrincipalByGroupName("nogroup");
        view.setGroup(group);
    }

    private static String configuration() {
        return String.join(
                        "\n",
                        "base_dir = " + directory.resolve("run"),
                        "state_dir = " + directory.resolve("state"),
                        "instance_name = jdirectord-test-"
                                + ProcessHandle.current().pid(),
                        "protocols = imap pop3",
                        "listen = 127.0.0.1, ::1",
                        "log_path = " + directory.resolve("dovecot.log"),
                        "ssl = yes",
                        "ssl_cert = <" + directory.resolve("cert.pem"),
                        "ssl_key = <" + directory.resolve("key.pem"),
                        "disable_plaintext_auth = no",
                        "passdb {",
                        "  driver = passwd-file",
                        "  args = scheme=PLAIN username_format=%u " + directory.resolve("users"),
                        "}",
                        "userdb {",
                        "  driver = static",
                        "  args = uid=nobody gid=nogroup home=" + directory.resolve("home") + "/%u",
                        "}",
                        "mail_location = maildir:~/Maildir",
                        "service imap-login {",
                        "  inet_listener imap {",
                        "    port = " + PORTS.get(ServiceKind.IMAP),
                        "  }",
                        "  inet_listener imaps {",
                        "    port = " + PORTS.get(ServiceKind.IMAPS),
                        "    ssl = yes",
                        "  }",
                        "}",
                        "service pop3-login {",
                        "  inet_listener pop3 {",
                        "    port = " + PORTS.get(ServiceKind.POP),
                        "  }",
                        "  inet_listener pop3s {",
                        "    port = " + PORTS.get(ServiceKind.POPS),
                        "    ssl = yes",
                        "  }",
                        "}")
                + "\n";
    }

    @AfterAll
    static void stopDovecot() throws Exception {
        if (dovecot != null) {
            dovecot.close();
        }
        HostCommands.deleteTree(directory);
    }

    private CheckResult check(ServiceKind kind, String address, UnaryOperator<Probes> customizer) throws Exception {
        MailboxSpec spec = MailboxSpec.of(customizer
                .apply(Probes.negotiate(kind, InetAddress.getByName(address), PORTS.get(kind))
                        .timeout(Duration.ofSeconds(10)))
                .build());
        boolean pop = kind == ServiceKind.POP || kind == ServiceKind.POPS;
        return runner.run(pop ? new PopCheck(spec, tls) : new ImapCheck(spec, tls));
    }

    @ParameterizedTest
    @CsvSource({
        "POP, 127.0.0.1",
        "POP, ::1",
        "POPS, 127.0.0.1",
        "POPS, ::1",
        "IMAP, 127.0.0.1",
        "IMAP, ::1",
        "IMAPS, 127.0.0.1",
        "IMAPS, ::1"
    })
    void logsIn(ServiceKind kind, String address) throws Exception {
        CheckResult result = check(kind, address, spec -> spec.login("bob", "s3cret"));
        assertThat(result.up()).as(result.reason() + "\n" + dovecot.log()).isTrue();
        assertThat(result.reason()).contains("Dovecot").endsWith("; logged in as bob");
    }

    @ParameterizedTest
    @CsvSource({"POP, 127.0.0.1", "IMAPS, ::1"})
    void passesTheGreetingWithoutLogin(ServiceKind kind, String address) throws Exception {
        CheckResult result = check(kind, address, spec -> spec);
        assertThat(result.up()).as(result.reason()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"POP, -ERR", "IMAP, NO"})
    void failsOnAWrongPassword(ServiceKind kind, String refusal) throws Exception {
        CheckResult result = check(kind, "127.0.0.1", spec -> spec.login("bob", "wrong"));
        assertThat(result.up()).isFalse();
        assertThat(result.reason())
                .startsWith(kind == ServiceKind.POP ? "POP3 login as bob: " : "IMAP login as bob: ")
                .contains(refusal);
    }

    @Test
    void verifiesDovecotsCertificateAgainstItsCaFileAndName() throws Exception {
        TlsVerification verify = new TlsVerification(true, Optional.of(directory.resolve("cert.pem")));
        CheckResult byName =
                check(ServiceKind.IMAPS, "::1", spec -> spec.tls(verify).virtualHost("mail.test"));
        assertThat(byName.up()).as(byName.reason()).isTrue();
        CheckResult byAddress = check(ServiceKind.POPS, "127.0.0.1", spec -> spec.tls(verify));
        assertThat(byAddress.up()).as(byAddress.reason()).isTrue();
        CheckResult wrongName =
                check(ServiceKind.POPS, "127.0.0.1", spec -> spec.tls(verify).virtualHost("other.test"));
        assertThat(wrongName.reason())
                .isEqualTo("TLS handshake: No subject alternative DNS name matching other.test found.");
        CheckResult systemTrust =
                check(ServiceKind.IMAPS, "127.0.0.1", spec -> spec.tls(new TlsVerification(true, Optional.empty())));
        assertThat(systemTrust.reason())
                .isEqualTo("TLS handshake: unable to find valid certification path to requested target");
    }
}
