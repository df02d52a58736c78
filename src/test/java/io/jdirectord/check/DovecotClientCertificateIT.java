package io.jdirectord.check;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.MailboxSpec;
import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.OpenSslPki;
import io.jdirectord.check.testing.OpenSslPki.ClientFiles;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.checks.testing.LocalDaemon;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pops check's client certificate against a real dovecot on 127.0.0.1 and [::1] that verifies client
 * certificates of a test CA ({@code ssl_verify_client_cert}) and lets only their holders log in
 * ({@code auth_ssl_require_client_cert}): dovecot completes the handshake either way and refuses the login
 * of a client without a certificate of its CA. Needs root, as {@link DovecotIT}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DovecotClientCertificateIT {

    private static final String DOVECOT = "/usr/sbin/dovecot";

    private static Path directory;
    private static LocalDaemon dovecot;
    private static int port;
    private static TlsVerification trusted;
    private static TlsVerification foreign;

    private final TlsContexts tls = new TlsContexts();
    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startDovecot() throws Exception {
        require(HostCommands.isRoot(), "dovecot needs root");
        require(HostCommands.executable(DOVECOT), "dovecot is not installed");
        require(Files.isExecutable(OpenSslPki.OPENSSL), "openssl is installed");
        directory = HostCommands.openTempDirectory("jdirectord-dovecot-mtls");
        OpenSslPki pki = OpenSslPki.create(Files.createDirectories(directory.resolve("ca")), "mail.test");
        OpenSslPki other = OpenSslPki.create(Files.createDirectories(directory.resolve("other")), "mail.test");
        trusted = loaded(pki.clientCertificate("client", "ec"));
        foreign = loaded(other.clientCertificate("stranger", "ec"));
        Files.writeString(directory.resolve("users"), "bob:{PLAIN}s3cret::::::\n");
        giveToNobody(Files.createDirectories(directory.resolve("home")));
        port = HostCommands.freePort(Loopback.V4);
        Path config = Files.writeString(directory.resolve("dovecot.conf"), configuration(pki));
        dovecot = LocalDaemon.start(
                "dovecot", List.of(DOVECOT, "-F", "-c", config.toString()), directory.resolve("dovecot.out"));
        dovecot.awaitListening(Loopback.V4, port);
        dovecot.awaitListening(Loopback.V6, port);
    }

    private static TlsVerification loaded(ClientFiles files) throws Exception {
        Path config = Files.writeString(
                directory.resolve(files.certificate().getFileName() + ".cf"),
                "virtual=192.0.2.10:995\n\treal=10.0.0.1 gate\n\tservice=pops\n\tclientcert=" + files.certificate()
                        + "\n\tclientkey=" + files.key() + "\n");
        return new ConfigParser().parse(config).virtualServices().get(0).check().tls();
    }

    private static void giveToNobody(Path path) throws Exception {
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName("nobody"));
        view.setGroup(lookup.lookupPrincipalByGroupName("nogroup"));
    }

    private static String configuration(OpenSslPki pki) {
        return String.join(
                        "\n",
                        "base_dir = " + directory.resolve("run"),
                        "state_dir = " + directory.resolve("state"),
                        "instance_name = jdirectord-mtls-"
                                + ProcessHandle.current().pid(),
                        "protocols = pop3",
                        "listen = 127.0.0.1, ::1",
                        "log_path = " + directory.resolve("dovecot.log"),
                        "ssl = required",
                        "ssl_cert = <" + pki.signedCertificate(),
                        "ssl_key = <" + pki.signedKey(),
                        "ssl_ca = <" + pki.caCertificate(),
                        "ssl_verify_client_cert = yes",
                        "ssl_require_crl = no",
                        "auth_ssl_require_client_cert = yes",
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
                        "    port = 0",
                        "  }",
                        "  inet_listener imaps {",
                        "    port = 0",
                        "  }",
                        "}",
                        "service pop3-login {",
                        "  inet_listener pop3 {",
                        "    port = 0",
                        "  }",
                        "  inet_listener pop3s {",
                        "    port = " + port,
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
        if (directory != null) {
            HostCommands.deleteTree(directory);
        }
    }

    static Iterable<InetAddress> families() {
        return Loopback.both();
    }

    private CheckResult pops(InetAddress address, TlsVerification setting) {
        return runner.run(new PopCheck(
                MailboxSpec.of(Probes.negotiate(ServiceKind.POPS, address, port)
                        .timeout(Duration.ofSeconds(10))
                        .login("bob", "s3cret")
                        .tls(setting)
                        .build()),
                tls));
    }

    @ParameterizedTest
    @MethodSource("families")
    void logsInWithACertificateOfItsCa(InetAddress address) throws Exception {
        CheckResult result = pops(address, trusted);
        assertThat(result.up()).as(result.reason() + "\n" + dovecot.log()).isTrue();
        assertThat(result.reason()).endsWith("; logged in as bob");
    }

    @ParameterizedTest
    @MethodSource("families")
    void refusedWithoutACertificate(InetAddress address) {
        CheckResult result = pops(address, TlsVerification.OFF);
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).startsWith("POP3 login as bob: -ERR");
    }

    @ParameterizedTest
    @MethodSource("families")
    void refusedWithACertificateOfAnotherCa(InetAddress address) {
        CheckResult result = pops(address, foreign);
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).startsWith("POP3 login as bob: -ERR");
    }
}
