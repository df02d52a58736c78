package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A configuration written like ldirectord's man page and sample parses to the expected model. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SampleConfigTest {

    @TempDir
    Path dir;

    private Config config;

    static String resource(String name) throws IOException {
        try (InputStream in = SampleConfigTest.class.getResourceAsStream("/config/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        config = new Fixture(dir).parse(resource("sample.cf"));
    }

    private VirtualService service(String id) {
        return config.virtualServices().stream()
                .filter(v -> v.key().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static InetAddress ip(String text) throws IOException {
        return InetAddress.getByName(text);
    }

    @Test
    void readsEveryBlockInFileOrder() {
        assertThat(config.virtualServices())
                .extracting(v -> v.key().id())
                .containsExactly(
                        "tcp:192.0.2.240:80",
                        "tcp:192.0.2.240:443",
                        "tcp:192.0.2.240:21",
                        "tcp:192.0.2.240:25",
                        "tcp:192.0.2.84:389",
                        "udp:192.0.2.240:5060",
                        "fwm:1",
                        "udp:192.0.2.84:53",
                        "tcp:192.0.2.74:3306",
                        "tcp:[2001:db8::5]:119");
        assertThat(config.globals().logTarget()).isEqualTo(new LogTarget.Syslog("local0"));
        assertThat(config.globals().autoreload()).isTrue();
        assertThat(config.globals().checkInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void warnsAboutTheSipDoubleColonsAndNotAboutTheLdapAndSipChecks() {
        assertThat(config.warnings())
                .extracting(m -> m.line() + ": " + m.message())
                .filteredOn(m -> !m.contains("no negotiate check"))
                .containsExactly(
                        "92: \"192.168.6.2::5060\" read as 192.168.6.2:5060 (ldirectord reads it as the address 0.0.19.196"
                                + " without a port)",
                        "93: \"192.168.6.3::5060\" read as 192.168.6.3:5060 (ldirectord reads it as the address 0.0.19.196"
                                + " without a port)");
        assertThat(config.warnings())
                .extracting(m -> m.message())
                .filteredOn(m -> m.contains("no negotiate check"))
                .noneSatisfy(m -> assertThat(m).contains("service sip:"))
                .noneSatisfy(m -> assertThat(m).contains("service ldap:"));
    }

    @Test
    void readsTheHttpBlockWithItsPerRealStrings() throws IOException {
        VirtualService http = service("tcp:192.0.2.240:80");
        assertThat(http.scheduler()).isEqualTo("rr");
        assertThat(http.fallback()).contains(new Fallback(new Endpoint(ip("127.0.0.1"), 80), Forwarding.GATE));
        CheckSpec check = http.check();
        assertThat(check.service()).isEqualTo(ServiceKind.HTTP);
        assertThat(check.request()).isEqualTo("/index.html");
        assertThat(check.receive()).isEqualTo("Test Page");
        assertThat(check.virtualHost()).contains("www.example.test");
        assertThat(check.checkPort()).isEqualTo(OptionalInt.of(80));
        assertThat(check.checkTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(check.negotiateTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(http.emailAlert().recipients()).isEqualTo("admin@example.test");
        RealServer special = http.reals().get(2);
        assertThat(special)
                .isEqualTo(new RealServer(
                        ip("192.168.6.6"),
                        80,
                        Forwarding.GATE,
                        2,
                        0,
                        0,
                        Optional.of("/alive.html"),
                        Optional.of("I am alive"),
                        22));
        ProbeSpec probe = http.probeFor(special);
        assertThat(probe.check().request()).isEqualTo("/alive.html");
        assertThat(probe.check().receive()).isEqualTo("I am alive");
        assertThat(http.probeFor(http.reals().get(0)).check().request()).isEqualTo("/index.html");
        assertThat(http.probeFor(http.reals().get(0)).check())
                .as("real servers without their own request or receive share the service's check")
                .isSameAs(http.check())
                .isSameAs(http.probeFor(http.reals().get(1)).check());
    }

    @Test
    void readsHttpsWithPersistenceAndItsOwnFallback() throws IOException {
        VirtualService https = service("tcp:192.0.2.240:443");
        assertThat(https.persistence()).contains(new Persistence(600, OptionalInt.of(0xffffffff)));
        assertThat(https.fallback()).contains(new Fallback(new Endpoint(ip("127.0.0.1"), 443), Forwarding.GATE));
        assertThat(https.reals()).extracting(RealServer::forwarding).containsOnly(Forwarding.MASQ);
        assertThat(https.check().service()).isEqualTo(ServiceKind.HTTPS);
    }

    @Test
    void readsFtpWithLoginAndTheLastScheduler() {
        VirtualService ftp = service("tcp:192.0.2.240:21");
        assertThat(ftp.scheduler()).isEqualTo("rr");
        assertThat(ftp.check().login()).isEqualTo("anonymous");
        assertThat(ftp.check().passwd()).isEqualTo("ldirectord@example.test");
        assertThat(ftp.check().request()).isEqualTo("/welcome.msg");
    }

    @Test
    void readsSmtpAndLdap() {
        assertThat(service("tcp:192.0.2.240:25").check().service()).isEqualTo(ServiceKind.SMTP);
        assertThat(service("tcp:192.0.2.240:25").persistence()).contains(new Persistence(600, OptionalInt.empty()));
        CheckSpec ldap = service("tcp:192.0.2.84:389").check();
        assertThat(ldap.request()).isEqualTo("/dc=example, dc=test");
        assertThat(ldap.receive()).isEqualTo("dc=example, dc=test");
    }

    @Test
    void readsSipOnUdpWithWhatTheOperatorMeant() throws IOException {
        VirtualService sip = service("udp:192.0.2.240:5060");
        assertThat(sip.reals())
                .extracting(RealServer::endpoint)
                .containsExactly(new Endpoint(ip("192.168.6.2"), 5060), new Endpoint(ip("192.168.6.3"), 5060));
        assertThat(sip.check().checkTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(sip.check().login()).isEqualTo("jdirectord@lb1");
    }

    @Test
    void readsTheFirewallMarkService() {
        VirtualService mark = service("fwm:1");
        assertThat(mark.key()).isEqualTo(VirtualServiceKey.ofMark(Family.INET, 1));
        assertThat(mark.check().service()).isEqualTo(ServiceKind.HTTP);
        assertThat(mark.reals()).extracting(RealServer::port).containsOnly(0);
        assertThat(mark.fallback().orElseThrow().endpoint().port()).isEqualTo(80);
        assertThat(mark.probeFor(mark.reals().get(0)).checkPort()).isEqualTo(80);
    }

    @Test
    void readsDnsOnUdpAndTheDatabaseRange() throws IOException {
        VirtualService dns = service("udp:192.0.2.84:53");
        assertThat(dns.check().service()).isEqualTo(ServiceKind.DNS);
        assertThat(dns.check().request()).isEqualTo("/www.example.test");
        VirtualService sql = service("tcp:192.0.2.74:3306");
        assertThat(sql.reals())
                .extracting(RealServer::address)
                .containsExactly(ip("10.0.1.1"), ip("10.0.1.2"), ip("10.0.1.3"));
        assertThat(sql.reals()).extracting(RealServer::weight).containsOnly(10);
        assertThat(sql.check().database()).isEqualTo("portal");
    }

    @Test
    void readsTheIpv6Block() throws IOException {
        VirtualService nntp = config.virtualServices().get(9);
        assertThat(nntp.key().family()).isEqualTo(Family.INET6);
        assertThat(nntp.reals())
                .extracting(RealServer::address)
                .containsExactly(ip("2001:db8:0:1::4"), ip("2001:db8:0:1::6"));
        assertThat(nntp.fallback()).contains(new Fallback(new Endpoint(ip("::1"), 119), Forwarding.GATE));
        assertThat(nntp.check().service()).isEqualTo(ServiceKind.NNTP);
    }

    @Test
    void countsRealServersAfterRangeExpansion() {
        List<Integer> counts =
                config.virtualServices().stream().map(v -> v.reals().size()).toList();
        assertThat(counts).containsExactly(3, 2, 2, 2, 2, 2, 2, 2, 3, 2);
    }
}
