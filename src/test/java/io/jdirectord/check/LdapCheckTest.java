package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.jdirectord.check.spec.LdapSpec;
import io.jdirectord.check.testing.FullBacklog;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.TestCertificates;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LdapCheck against the SDK's in-memory directory server (plain and TLS listeners on 127.0.0.1 and
 * ::1, a user with a password); hostile servers are in {@link LdapCheckHostileServerTest}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LdapCheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String USER = "cn=probe,dc=example,dc=com";

    private static InMemoryDirectoryServer directory;

    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.addAdditionalBindCredentials(USER, "s3cret");
        var tls = TestCertificates.get().serverContext();
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("v4", Loopback.V4, 0, null),
                InMemoryListenerConfig.createLDAPConfig("v6", Loopback.V6, 0, null),
                InMemoryListenerConfig.createLDAPSConfig("v4s", Loopback.V4, 0, tls.getServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPSConfig("v6s", Loopback.V6, 0, tls.getServerSocketFactory(), null));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
        directory.add("dn: ou=people,dc=example,dc=com", "objectClass: organizationalUnit", "ou: people");
        directory.startListening();
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    private CheckResult check(ServiceKind kind, InetAddress address, UnaryOperator<Probes> customizer) {
        String listener = (address.equals(Loopback.V4) ? "v4" : "v6") + (kind == ServiceKind.LDAPS ? "s" : "");
        Probes spec = Probes.negotiate(kind, address, directory.getListenPort(listener))
                .timeout(TIMEOUT);
        return runner.run(new LdapCheck(LdapSpec.of(customizer.apply(spec).build()), new TlsContexts()));
    }

    private CheckResult check(UnaryOperator<Probes> customizer) {
        return check(ServiceKind.LDAP, Loopback.V4, customizer);
    }

    @ParameterizedTest
    @MethodSource("io.jdirectord.check.testing.Loopback#both")
    void passesAnAnonymousBaseSearchOverLdapAndLdaps(InetAddress address) {
        for (ServiceKind kind : new ServiceKind[] {ServiceKind.LDAP, ServiceKind.LDAPS}) {
            CheckResult result = check(kind, address, spec -> spec.request("/dc=example,dc=com"));
            assertThat(result)
                    .extracting(CheckResult::up, CheckResult::reason)
                    .containsExactly(true, "LDAP entry 'dc=example,dc=com'");
        }
    }

    @Test
    void bindsWithLoginAndPasswdWhenBothAreSet() {
        CheckResult result =
                check(spec -> spec.request("/ou=people,dc=example,dc=com").login(USER, "s3cret"));
        assertThat(result)
                .extracting(CheckResult::up, CheckResult::reason)
                .containsExactly(true, "LDAP entry 'ou=people,dc=example,dc=com'");
    }

    @Test
    void bindsAnonymouslyWhenOnlyTheLoginIsSet() {
        CheckResult result = check(spec -> spec.request("/dc=example,dc=com").login(USER, ""));
        assertThat(result.up()).as(result.reason()).isTrue();
    }

    @Test
    void failsOnAWrongPassword() {
        CheckResult result = check(spec -> spec.request("/dc=example,dc=com").login(USER, "wrong"));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).startsWith("LDAP bind failed: invalid credentials (49)");
    }

    @Test
    void failsWhenTheBaseDoesNotExist() {
        CheckResult result = check(spec -> spec.request("/dc=missing,dc=example,dc=com"));
        assertThat(result)
                .extracting(CheckResult::up, CheckResult::reason)
                .containsExactly(
                        false, "LDAP search of 'dc=missing,dc=example,dc=com' returned no entry (no such object, 32)");
    }

    @Test
    void matchesTheReceivePatternAgainstTheDn() {
        assertThat(check(spec -> spec.request("/dc=example,dc=com").receive("^dc=example"))
                        .up())
                .isTrue();
        CheckResult result =
                check(spec -> spec.request("/ou=people,dc=example,dc=com").receive("^dc=example"));
        assertThat(result)
                .extracting(CheckResult::up, CheckResult::reason)
                .containsExactly(false, "LDAP DN 'ou=people,dc=example,dc=com' does not match '^dc=example'");
    }

    @Test
    void verifiesTheLdapsCertificateOnlyWhenAsked() {
        TlsVerification caFile =
                new TlsVerification(true, Optional.of(TestCertificates.get().caFile()));
        assertThat(check(
                                ServiceKind.LDAPS,
                                Loopback.V6,
                                spec -> spec.request("/dc=example,dc=com").tls(caFile))
                        .up())
                .isTrue();
        CheckResult wrongName = check(
                ServiceKind.LDAPS,
                Loopback.V4,
                spec -> spec.request("/dc=example,dc=com").tls(caFile).virtualHost("other.test"));
        assertThat(wrongName.reason())
                .isEqualTo("TLS handshake: No subject alternative DNS name matching other.test found.");
        CheckResult systemTrust = check(
                ServiceKind.LDAPS,
                Loopback.V4,
                spec -> spec.request("/dc=example,dc=com").tls(new TlsVerification(true, Optional.empty())));
        assertThat(systemTrust.reason())
                .isEqualTo("TLS handshake: unable to find valid certification path to requested target");
    }

    @ParameterizedTest
    @MethodSource("io.jdirectord.check.testing.Loopback#both")
    void failsWhenTheConnectionIsRefused(InetAddress address) throws Exception {
        Probes spec = Probes.negotiate(ServiceKind.LDAP, address, Loopback.closedPort(address))
                .timeout(TIMEOUT);
        assertThat(runner.run(new LdapCheck(LdapSpec.of(spec.build()), new TlsContexts()))
                        .reason())
                .isEqualTo("connection refused");
    }

    @Test
    void givesUpOnADeadHostAtTheDeadline() throws Exception {
        try (FullBacklog dead = FullBacklog.on(Loopback.V4)) {
            Probes spec = Probes.negotiate(ServiceKind.LDAPS, Loopback.V4, dead.port())
                    .timeout(Duration.ofMillis(700));
            assertThat(runner.run(new LdapCheck(LdapSpec.of(spec.build()), new TlsContexts()))
                            .reason())
                    .isEqualTo("connect timeout after 700 ms");
        }
    }
}
