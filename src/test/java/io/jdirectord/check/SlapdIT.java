package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.LdapSpec;
import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.checks.testing.SlapdServer;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
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

    private static final String USER = SlapdServer.USER;

    @TempDir
    static Path directory;

    private static SlapdServer slapd;

    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startSlapd() throws Exception {
        HostCommands.requireExecutable(SlapdServer.BINARY);
        HostCommands.requireExecutable(SlapdServer.OPENSSL);
        slapd = SlapdServer.start(directory);
    }

    @AfterAll
    static void stopSlapd() {
        if (slapd != null) {
            slapd.close();
        }
    }

    private static int port(SlapdServer server, ServiceKind kind) {
        return kind == ServiceKind.LDAPS ? server.ldapsPort() : server.port();
    }

    private CheckResult check(ServiceKind kind, String address, UnaryOperator<Probes> customizer) throws Exception {
        Probes spec = Probes.negotiate(kind, InetAddress.getByName(address), port(slapd, kind))
                .timeout(Duration.ofSeconds(10))
                .request("/dc=example,dc=com");
        return runner.run(new LdapCheck(LdapSpec.of(customizer.apply(spec).build()), new TlsContexts()));
    }

    @ParameterizedTest
    @CsvSource({"LDAP, 127.0.0.1", "LDAP, ::1", "LDAPS, 127.0.0.1", "LDAPS, ::1"})
    void passesAnAnonymousBaseSearch(ServiceKind kind, String address) throws Exception {
        CheckResult result = check(kind, address, spec -> spec);
        assertThat(result)
                .extracting(CheckResult::up, CheckResult::reason)
                .as(slapd.daemon().logText())
                .containsExactly(true, "LDAP entry 'dc=example,dc=com'");
    }

    @ParameterizedTest
    @CsvSource({"LDAP, ::1", "LDAPS, 127.0.0.1"})
    void passesAnAuthenticatedSearchOfTheUser(ServiceKind kind, String address) throws Exception {
        CheckResult result = check(
                kind,
                address,
                spec -> spec.login(USER, "s3cret").request("/" + USER).receive("^uid=probe,"));
        assertThat(result)
                .extracting(CheckResult::up, CheckResult::reason)
                .containsExactly(true, "LDAP entry '" + USER + "'");
    }

    @Test
    void failsOnAWrongPassword() throws Exception {
        assertThat(check(ServiceKind.LDAP, "127.0.0.1", spec -> spec.login(USER, "wrong"))
                        .reason())
                .isEqualTo("LDAP bind failed: invalid credentials (49)");
    }

    @Test
    void failsWhenTheBaseDoesNotExist() throws Exception {
        assertThat(check(ServiceKind.LDAP, "::1", spec -> spec.request("/ou=missing,dc=example,dc=com"))
                        .reason())
                .isEqualTo("LDAP search of 'ou=missing,dc=example,dc=com' returned no entry (no such object, 32)");
    }

    @Test
    void failsWhenTheDnDoesNotMatchTheReceivePattern() throws Exception {
        assertThat(check(ServiceKind.LDAP, "127.0.0.1", spec -> spec.receive("dc=other"))
                        .reason())
                .isEqualTo("LDAP DN 'dc=example,dc=com' does not match 'dc=other'");
    }

    @Test
    void verifiesTheLdapsCertificateOnlyWhenAsked() throws Exception {
        TlsVerification caFile = new TlsVerification(true, Optional.of(slapd.certificate()));
        assertThat(check(ServiceKind.LDAPS, "::1", spec -> spec.tls(caFile).virtualHost("ldap.test"))
                        .up())
                .isTrue();
        assertThat(check(ServiceKind.LDAPS, "127.0.0.1", spec -> spec.tls(caFile))
                        .up())
                .isTrue();
        assertThat(check(
                                ServiceKind.LDAPS,
                                "127.0.0.1",
                                spec -> spec.tls(caFile).virtualHost("other.test"))
                        .reason())
                .isEqualTo("TLS handshake: No subject alternative DNS name matching other.test found.");
        assertThat(check(ServiceKind.LDAPS, "127.0.0.1", spec -> spec.tls(new TlsVerification(true, Optional.empty())))
                        .reason())
                .isEqualTo("TLS handshake: unable to find valid certification path to requested target");
    }

    @Test
    void timesOutOnAFrozenServer() throws Exception {
        slapd.daemon().freeze();
        try {
            assertThat(check(ServiceKind.LDAP, "127.0.0.1", spec -> spec.timeout(Duration.ofMillis(800)))
                            .reason())
                    .isEqualTo("LDAP bind: timeout after 800 ms");
        } finally {
            slapd.daemon().thaw();
        }
    }

    @Test
    void failsOnceTheServerIsStopped(@TempDir Path own) throws Exception {
        SlapdServer stopped = SlapdServer.start(own);
        stopped.close();
        CheckResult result = runner.run(new LdapCheck(
                LdapSpec.of(Probes.negotiate(ServiceKind.LDAP, Loopback.V6, stopped.port())
                        .request("/dc=example,dc=com")
                        .build()),
                new TlsContexts()));
        assertThat(result.reason()).isEqualTo("connection refused");
    }
}
