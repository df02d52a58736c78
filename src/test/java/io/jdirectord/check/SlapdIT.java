package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.checks.testing.LocalDaemon;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LdapCheck against Debian's OpenLDAP ({@code slapd -d 0}) serving ldap and ldaps on 127.0.0.1 and ::1
 * from an mdb database under a temporary directory, loaded with {@code slapadd}: dc=example,dc=com,
 * ou=people and a user uid=probe with a password; TLS with an openssl-made certificate for ldap.test.
 * Fails under CI=true when slapd is missing, else skips.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlapdIT {

    private static final String SLAPD = "/usr/sbin/slapd";
    private static final String SLAPADD = "/usr/sbin/slapadd";
    private static final String USER = "uid=probe,ou=people,dc=example,dc=com";

    @TempDir
    static Path directory;
    private static Slapd slapd;

    private final CheckRunner runner = new CheckRunner();

    /** A running slapd and its ports. */
    private record Slapd(LocalDaemon daemon, int ldapPort, int ldapsPort) {
        int port(ServiceKind kind) {
            return kind == ServiceKind.LDAPS ? ldapsPort : ldapPort;
        }
    }

    @BeforeAll
    static void startSlapd() throws Exception {
        HostCommands.requireExecutable(SLAPD);
        HostCommands.requireExecutable("/usr/bin/openssl");
        HostCommands.Outcome made = HostCommands.run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=ldap.test",
                "-addext", "subjectAltName=DNS:ldap.test,IP:127.0.0.1,IP:::1",
                "-keyout", directory.resolve("key.pem").toString(), "-out", directory.resolve("cert.pem").toString());
        assertThat(made.ok()).as(made.output()).isTrue();
        slapd = start(directory);
    }

    @AfterAll
    static void stopSlapd() {
        if (slapd != null) {
            slapd.daemon().close();
        }
    }

    /** Loads a fresh database under {@code dir} and serves it; the certificate must be in {@link #directory}. */
    private static Slapd start(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("db"));
        Path config = dir.resolve("slapd.conf");
        Files.writeString(config, configuration(dir));
        Files.writeString(dir.resolve("data.ldif"), DATA);
        HostCommands.Outcome loaded = HostCommands.run(SLAPADD, "-f", config.toString(), "-l",
                dir.resolve("data.ldif").toString());
        assertThat(loaded.ok()).as(loaded.output()).isTrue();
        int ldap = HostCommands.freePort(Loopback.V4);
        int ldaps = HostCommands.freePort(Loopback.V4);
        String urls = "ldap://127.0.0.1:" + ldap + "/ ldap://[::1]:" + ldap + "/ ldaps://127.0.0.1:" + ldaps
                + "/ ldaps://[::1]:" + ldaps + "/";
        LocalDaemon daemon = LocalDaemon.start("slapd", List.of(SLAPD, "-d", "0", "-h", urls, "-f", config.toString()),
                dir.resolve("slapd.log"), ldap, Duration.ofSeconds(20));
        for (int port : new int[] {ldap, ldaps}) {
            assertThat(HostCommands.awaitListening(Loopback.V6, port, Duration.ofSeconds(20))).isTrue();
            assertThat(HostCommands.awaitListening(Loopback.V4, port, Duration.ofSeconds(20))).isTrue();
        }
        return new Slapd(daemon, ldap, ldaps);
    }

    private static String configuration(Path dir) {
        return String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "pidfile " + dir.resolve("slapd.pid"),
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "TLSCertificateFile " + directory.resolve("cert.pem"),
                "TLSCertificateKeyFile " + directory.resolve("key.pem"),
                "database mdb",
                "maxsize 10485760",
                "suffix \"dc=example,dc=com\"",
                "directory " + dir.resolve("db"),
                "access to attrs=userPassword by anonymous auth by * none",
                "access to * by * read") + "\n";
    }

    private static final String DATA = """
            dn: dc=example,dc=com
            objectClass: dcObject
            objectClass: organization
            dc: example
            o: Example

            dn: ou=people,dc=example,dc=com
            objectClass: organizationalUnit
            ou: people

            dn: uid=probe,ou=people,dc=example,dc=com
            objectClass: inetOrgPerson
            uid: probe
            cn: Probe
            sn: Probe
            userPassword: s3cret
            """;

    private CheckResult check(ServiceKind kind, String address, UnaryOperator<Probes> customizer) throws Exception {
        Probes spec = Probes.negotiate(kind, InetAddress.getByName(address), slapd.port(kind))
                .timeout(Duration.ofSeconds(10)).request("/dc=example,dc=com");
        return runner.run(new LdapCheck(customizer.apply(spec).build(), new TlsContexts()));
    }

    @ParameterizedTest
    @CsvSource({"LDAP, 127.0.0.1", "LDAP, ::1", "LDAPS, 127.0.0.1", "LDAPS, ::1"})
    void passesAnAnonymousBaseSearch(ServiceKind kind, String address) throws Exception {
        CheckResult result = check(kind, address, spec -> spec);
        assertThat(result).extracting(CheckResult::up, CheckResult::reason)
                .as(slapd.daemon().logText()).containsExactly(true, "LDAP entry 'dc=example,dc=com'");
    }

    @ParameterizedTest
    @CsvSource({"LDAP, ::1", "LDAPS, 127.0.0.1"})
    void passesAnAuthenticatedSearchOfTheUser(ServiceKind kind, String address) throws Exception {
        CheckResult result = check(kind, address, spec -> spec.login(USER, "s3cret").request("/" + USER).receive("^uid=probe,"));
        assertThat(result).extracting(CheckResult::up, CheckResult::reason)
                .containsExactly(true, "LDAP entry '" + USER + "'");
    }

    @Test
    void failsOnAWrongPassword() throws Exception {
        assertThat(check(ServiceKind.LDAP, "127.0.0.1", spec -> spec.login(USER, "wrong")).reason())
                .isEqualTo("LDAP bind failed: invalid credentials (49)");
    }

    @Test
    void failsWhenTheBaseDoesNotExist() throws Exception {
        assertThat(check(ServiceKind.LDAP, "::1", spec -> spec.request("/ou=missing,dc=example,dc=com")).reason())
                .isEqualTo("LDAP search of 'ou=missing,dc=example,dc=com' returned no entry (no such object, 32)");
    }

    @Test
    void failsWhenTheDnDoesNotMatchTheReceivePattern() throws Exception {
        assertThat(check(ServiceKind.LDAP, "127.0.0.1", spec -> spec.receive("dc=other")).reason())
                .isEqualTo("LDAP DN 'dc=example,dc=com' does not match 'dc=other'");
    }

    @Test
    void verifiesTheLdapsCertificateOnlyWhenAsked() throws Exception {
        TlsVerification caFile = new TlsVerification(true, Optional.of(directory.resolve("cert.pem")));
        assertThat(check(ServiceKind.LDAPS, "::1", spec -> spec.tls(caFile).virtualHost("ldap.test")).up()).isTrue();
        assertThat(check(ServiceKind.LDAPS, "127.0.0.1", spec -> spec.tls(caFile)).up()).isTrue();
        assertThat(check(ServiceKind.LDAPS, "127.0.0.1", spec -> spec.tls(caFile).virtualHost("other.test")).reason())
                .isEqualTo("TLS handshake: No subject alternative DNS name matching other.test found.");
        assertThat(check(ServiceKind.LDAPS, "127.0.0.1",
                spec -> spec.tls(new TlsVerification(true, Optional.empty()))).reason())
                .isEqualTo("TLS handshake: unable to find valid certification path to requested target");
    }

    @Test
    void timesOutOnAFrozenServer() throws Exception {
        slapd.daemon().freeze();
        try {
            assertThat(check(ServiceKind.LDAP, "127.0.0.1", spec -> spec.timeout(Duration.ofMillis(800))).reason())
                    .isEqualTo("LDAP bind: timeout after 800 ms");
        } finally {
            slapd.daemon().thaw();
        }
    }

    @Test
    void failsOnceTheServerIsStopped(@TempDir Path own) throws Exception {
        Slapd stopped = start(own);
        stopped.daemon().close();
        CheckResult result = runner.run(new LdapCheck(Probes.negotiate(ServiceKind.LDAP, Loopback.V6,
                stopped.ldapPort()).request("/dc=example,dc=com").build(), new TlsContexts()));
        assertThat(result.reason()).isEqualTo("connection refused");
    }
}
