package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The virtual= / virtual6= line as ldirectord reads it: address forms, protocol and service defaults, errors. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VirtualLineTest {

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    private VirtualServiceKey key(String virtualLine, String... blockLines) {
        return fixture.only(withReal(virtualLine) + Fixture.block(blockLines)).key();
    }

    /** The virtual line and a real line of its family below it. */
    private static String withReal(String virtualLine) {
        String real = virtualLine.startsWith("virtual6") ? "real6=[2001:db8::7] gate" : "real=10.0.0.1 gate";
        return virtualLine + "\n" + Fixture.block(real);
    }

    static Stream<Arguments> addressForms() {
        return Stream.of(
                Arguments.of("virtual=192.0.2.10:80", "tcp:192.0.2.10:80"),
                Arguments.of("virtual=192.0.2.10:http", "tcp:192.0.2.10:80"),
                Arguments.of("virtual = 192.0.2.10:8080", "tcp:192.0.2.10:8080"),
                Arguments.of("virtual=www.example.test:https", "tcp:192.0.2.80:443"),
                Arguments.of("virtual6=www.example.test:80", "tcp:[2001:db8::80]:80"),
                Arguments.of("virtual6=[2001:db8::5]:119", "tcp:[2001:db8::5]:119"),
                Arguments.of("virtual=192.0.2.10:53", "udp:192.0.2.10:53"),
                Arguments.of("virtual=192.0.2.10:domain", "udp:192.0.2.10:53"),
                Arguments.of("virtual=7", "fwm:7"),
                Arguments.of("virtual6=7", "fwm6:7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressForms")
    void readsEveryAddressForm(String line, String id) {
        assertThat(key(line).id()).isEqualTo(id);
    }

    @Test
    void protocolDirectiveOverridesThePortDefault() {
        assertThat(key("virtual=192.0.2.10:53", "protocol=tcp").id()).isEqualTo("tcp:192.0.2.10:53");
        assertThat(key("virtual=192.0.2.10:5060", "protocol=udp", "login=\"probe@example.test\"")
                        .id())
                .isEqualTo("udp:192.0.2.10:5060");
        assertThat(key("virtual=7", "protocol=fwm").id()).isEqualTo("fwm:7");
    }

    @Test
    void derivesTheServiceFromThePortAndChecksNothingForFirewallMarks() {
        assertThat(fixture.only(withReal("virtual=192.0.2.10:domain")).check().service())
                .isEqualTo(ServiceKind.DNS);
        assertThat(fixture.only(withReal("virtual=192.0.2.10:3306") + Fixture.block("checktype=connect"))
                        .check()
                        .service())
                .isEqualTo(ServiceKind.MYSQL);
        assertThat(fixture.only(withReal("virtual=192.0.2.10:8080")).check().service())
                .isEqualTo(ServiceKind.NONE);
        VirtualService mark = fixture.only(withReal("virtual=7"));
        assertThat(mark.check().service()).isEqualTo(ServiceKind.NONE);
        assertThat(mark.check().protocol()).isEqualTo(Protocol.FWM);
        assertThat(mark.key().port()).isZero();
    }

    @Test
    void readsAddressWithoutPortAsFirewallMarkLikeLdirectordWithWarning() {
        String text = "virtual=1.2.3.4\n\treal=10.0.0.1 gate\n";
        VirtualServiceKey key = fixture.only(text).key();
        assertThat(key).isEqualTo(VirtualServiceKey.ofMark(Family.INET, 1));
        assertThat(fixture.warnings(text))
                .containsExactly("1: virtual=1.2.3.4 read as firewall mark 1, as ldirectord"
                        + " does; a port was probably forgotten (virtual=1.2.3.4:PORT)");
        assertThat(key.address()).isEmpty();
    }

    static Stream<Arguments> invalidVirtualLines() {
        return Stream.of(
                Arguments.of("virtual=192.0.2.10:0", "invalid port \"0\" for virtual service (1 to 65535)"),
                Arguments.of("virtual=192.0.2.10:99999", "invalid port \"99999\" for virtual service (1 to 65535)"),
                Arguments.of("virtual=192.0.2.10:80/tcp", "invalid port \"80/tcp\" for virtual service"),
                Arguments.of("virtual=192.0.2.300:80", "invalid IPv4 address \"192.0.2.300\" for virtual service"),
                Arguments.of("virtual=10.1:80", "invalid IPv4 address \"10.1\" for virtual service"),
                Arguments.of("virtual=[2001:db8::1]:80", "IPv6 address \"[2001:db8::1]\" in virtual=; use virtual6="),
                Arguments.of("virtual6=192.0.2.1:80", "IPv4 address \"192.0.2.1\" in virtual6=; use virtual="),
                Arguments.of(
                        "virtual6=[2001:db8::zz]:80", "invalid IPv6 address \"[2001:db8::zz]\" for virtual service"),
                Arguments.of(
                        "virtual6=[2001:db8::1:80",
                        "virtual6 must be IP:PORT, HOST:PORT, [IPV6]:PORT or a firewall"
                                + " mark, not \"[2001:db8::1:80\""),
                Arguments.of(
                        "virtual6=[2001:db8::1]",
                        "virtual6 must be IP:PORT, HOST:PORT, [IPV6]:PORT or a firewall"
                                + " mark, not \"[2001:db8::1]\""),
                Arguments.of(
                        "virtual=www.example.test",
                        "virtual must be IP:PORT, HOST:PORT, [IPV6]:PORT or a firewall"
                                + " mark, not \"www.example.test\""),
                Arguments.of(
                        "virtual=nohost.example.test:80",
                        "cannot resolve \"nohost.example.test\" to an IPv4 address" + " for virtual service"),
                Arguments.of(
                        "virtual6=v4only.example.test:80",
                        "cannot resolve \"v4only.example.test\" to an IPv6" + " address for virtual service"),
                Arguments.of(
                        "virtual=192.0.2.10:htp",
                        "unknown service name \"htp\" for the port of virtual service"
                                + " (no tcp service of that name)"),
                Arguments.of("virtual=0", "firewall mark must be from 1 to 2147483647, not \"0\""),
                Arguments.of("virtual=4294967296", "firewall mark must be from 1 to 2147483647, not \"4294967296\""),
                Arguments.of("virtual=", "virtual needs an address"),
                Arguments.of("virtual", "virtual needs an address"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidVirtualLines")
    void rejectsInvalidVirtualLineNamingIt(String line, String expected) {
        assertThat(fixture.errors(withReal(line))).containsExactly("1: " + expected);
    }

    @Test
    void looksServiceNamesUpForTheBlocksProtocol() {
        assertThat(fixture.errors(
                        "virtual=192.0.2.10:tcponly\n\treal=10.0.0.1 gate\n\tprotocol=udp\n" + "\tservice=dns\n"))
                .containsExactly(
                        "1: unknown service name \"tcponly\" for the port of virtual service (no udp service of that name)");
    }

    @Test
    void rejectsTcpOrUdpProtocolOnFirewallMark() {
        assertThat(fixture.errors("virtual=7\n\treal=10.0.0.1 gate\n\tprotocol=tcp\n"))
                .containsExactly(
                        "3: protocol=tcp cannot be used with firewall mark 7 (leave protocol out or write protocol=fwm)");
    }

    @Test
    void rejectsDuplicateVirtualServicesAfterResolution() {
        assertThat(fixture.errors("""
                virtual=192.0.2.10:80
                \treal=10.0.0.1 gate
                virtual=192.0.2.10:http
                \treal=10.0.0.2 gate
                """))
                .containsExactly("3: duplicate virtual service tcp:192.0.2.10:80 (also at line 1)");
    }

    @Test
    void sameAddressAndPortWithDifferentProtocolsAreDifferentServices() {
        assertThat(fixture.parse("""
                virtual=192.0.2.10:53
                \treal=10.0.0.1 gate
                virtual=192.0.2.10:53
                \treal=10.0.0.1 gate
                \tprotocol=tcp
                virtual=7
                \treal=10.0.0.1 gate
                virtual6=7
                \treal6=[2001:db8::1] gate
                """).virtualServices()).hasSize(4);
    }

    @Test
    void checksTheBlockBelowAMalformedVirtualLine() {
        assertThat(fixture.errors("virtual 192.0.2.10:80\n\treal=10.0.0.1 gate\n\tquiescent=maybe\n"))
                .containsExactly(
                        "1: Unknown directive \"virtual 192.0.2.10:80\"",
                        "3: quiescent must be yes or no, not \"maybe\"");
    }
}
