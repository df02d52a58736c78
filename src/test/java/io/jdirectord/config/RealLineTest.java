package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** real= / real6= lines, ldirectord's misreadings and what jdirectord makes of them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RealLineTest {

    private static final String HEAD = "virtual=192.0.2.10:80\n";

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    private List<RealServer> reals(String... lines) {
        return fixture.only(HEAD + Fixture.block(lines)).reals();
    }

    private RealServer real(String line) {
        List<RealServer> reals = reals(line);
        assertThat(reals).hasSize(1);
        return reals.get(0);
    }

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void readsAddressPortAndForwardingWithDefaultWeight() throws Exception {
        assertThat(real("real=10.0.0.1:80 gate"))
                .isEqualTo(new RealServer(
                        ip("10.0.0.1"), 80, Forwarding.GATE, 1, 0, 0, Optional.empty(), Optional.empty(), 2));
    }

    @Test
    void readsEveryOptionalPart() throws Exception {
        assertThat(real("real=10.0.0.1:80 masq 5 \"health\", \"OK\" l:10 u:100"))
                .isEqualTo(new RealServer(
                        ip("10.0.0.1"), 80, Forwarding.MASQ, 5, 10, 100, Optional.of("/health"), Optional.of("OK"), 2));
    }

    @Test
    void readsRequestAndReceiveSeparatedByBlankOrComma() {
        assertThat(real("real=10.0.0.1:80 gate \"/a\" \"b c\"").receive()).contains("b c");
        assertThat(real("real=10.0.0.1:80 gate \"/a\",\"b\"").request()).contains("/a");
        assertThat(real("real=10.0.0.1:80 ipip 0 \"/a\" , \"b\"").weight()).isZero();
    }

    @Test
    void acceptsThresholdsInEitherOrder() {
        RealServer real = real("real=10.0.0.1:80 gate u:100 l:10");
        assertThat(real.lowerThreshold()).isEqualTo(10);
        assertThat(real.upperThreshold()).isEqualTo(100);
    }

    @Test
    void resolvesHostNamesAndServiceNamesOfAnyProtocol() throws Exception {
        RealServer real = real("real=sql01:http ipip");
        assertThat(real.address()).isEqualTo(ip("10.0.1.1"));
        assertThat(real.port()).isEqualTo(80);
        assertThat(real.forwarding()).isEqualTo(Forwarding.IPIP);
    }

    @Test
    void leavesThePortZeroWhenOmitted() {
        assertThat(real("real=10.0.0.1 gate").port()).isZero();
    }

    @Test
    void expandsRangesOfHostNames() throws Exception {
        assertThat(reals("real=sql01->sql03:3306 gate 10"))
                .extracting(RealServer::address)
                .containsExactly(ip("10.0.1.1"), ip("10.0.1.2"), ip("10.0.1.3"));
    }

    @Test
    void comparesRangeEndsAsNumbersUnlikeLdirectord() throws Exception {
        assertThat(reals("real=59.154.201.254->59.154.202.1:80 gate"))
                .extracting(RealServer::address)
                .containsExactly(ip("59.154.201.254"), ip("59.154.201.255"), ip("59.154.202.0"), ip("59.154.202.1"));
    }

    @Test
    void readsDoubleColonAsHostAndPortWithWarningAboutLdirectordsReading() throws Exception {
        String text = "virtual=192.0.2.240:5060\n\treal=192.168.6.2::5060 gate\n\tprotocol=udp\n\tservice=sip\n";
        RealServer real = fixture.only(text).reals().get(0);
        assertThat(real.endpoint()).isEqualTo(new Endpoint(ip("192.168.6.2"), 5060));
        assertThat(fixture.warnings(text))
                .contains("2: \"192.168.6.2::5060\" read as 192.168.6.2:5060"
                        + " (ldirectord reads it as the address 0.0.19.196 without a port)");
    }

    @Test
    void readsDoubleColonWithServiceNameWithWarning() {
        assertThat(fixture.warnings(HEAD + "\treal=10.0.0.1::http gate\n"))
                .containsExactly(
                        "2: \"10.0.0.1::http\" read as 10.0.0.1:http (ldirectord reads it as the host name \"http\" without a port)");
    }

    @Test
    void keepsQuotedThresholdsAsRequestAndReceiveLikeLdirectordWithWarning() {
        String text = HEAD + "\treal=10.0.0.1:80 gate \"l:10\" \"u:100\"\n";
        RealServer real = fixture.only(text).reals().get(0);
        assertThat(real.request()).contains("/l:10");
        assertThat(real.receive()).contains("u:100");
        assertThat(real.lowerThreshold()).isZero();
        assertThat(fixture.warnings(text))
                .containsExactly("2: \"l:10\" \"u:100\" read as request and receive strings,"
                        + " as ldirectord does; write l:10 u:100 without quotes for connection thresholds");
    }

    @Test
    void keepsTheFirstOfTwoIdenticalRealServersWithWarning() {
        String text = HEAD + "\treal=10.0.0.1:80 gate 1\n\treal=10.0.0.0->10.0.0.2:80 gate 2\n";
        assertThat(fixture.only(text).reals()).extracting(RealServer::weight).containsExactly(1, 2, 2);
        assertThat(fixture.warnings(text))
                .containsExactly("3: real server 10.0.0.1:80 is already listed at line 2; this entry is ignored");
    }

    @Test
    void readsRealSixInVirtualSixBlocks() throws Exception {
        VirtualService v = fixture.only(
                "virtual6=[2001:db8::5]:80\n\treal6=[2001:db8::7]:8080 masq 3\n" + "\treal6=www.example.test gate\n");
        assertThat(v.reals())
                .extracting(RealServer::endpoint)
                .containsExactly(new Endpoint(ip("2001:db8::7"), 8080), new Endpoint(ip("2001:db8::80"), 0));
    }

    static Stream<Arguments> invalidRealLines() {
        String syntax = " (expected [WEIGHT] [\"REQUEST\" \"RECEIVE\"] [l:N] [u:N] after the forwarding method)";
        return Stream.of(
                Arguments.of(
                        "real=10.0.0.1:80",
                        "real server needs a forwarding method (gate, masq or ipip):" + " \"real=10.0.0.1:80\""),
                Arguments.of("real=10.0.0.1:80 tunnel", "forwarding method must be gate, masq or ipip, not \"tunnel\""),
                Arguments.of("real=10.0.0.1:80 Gate", "forwarding method must be gate, masq or ipip, not \"Gate\""),
                Arguments.of(
                        "real=10.0.0.1:80 gate garbage 5", "real server: cannot understand \"garbage 5\"" + syntax),
                Arguments.of("real=10.0.0.1:80 gate 5 6", "real server: cannot understand \"6\"" + syntax),
                Arguments.of("real=10.0.0.1:80 gate l:1 l:2", "real server: cannot understand \"l:2\"" + syntax),
                Arguments.of(
                        "real=10.0.0.1:80 gate 70000", "weight must be a whole number from 0 to 65535, not \"70000\""),
                Arguments.of(
                        "real=10.0.0.1:80 gate l:99999999999",
                        "l threshold must be a whole number from 0 to" + " 2147483647, not \"99999999999\""),
                Arguments.of(
                        "real=10.0.0.1:80 gate \"/only\"",
                        "real server: a quoted request must be followed by a"
                                + " quoted receive string: \"real=10.0.0.1:80 gate \"/only\"\""),
                Arguments.of(
                        "real=10.0.0.1:80 gate \"/a\" \"b\" \"c\"",
                        "real server: cannot understand \"\"c\"\"" + syntax),
                Arguments.of(
                        "real=10.0.0.1:80 gate \"open",
                        "real server line has a quote that is not closed:" + " \"real=10.0.0.1:80 gate \"open\""),
                Arguments.of("real=10.0.0.1:0 gate", "invalid port \"0\" for real server (1 to 65535)"),
                Arguments.of("real=10.0.0.1:99999 gate", "invalid port \"99999\" for real server (1 to 65535)"),
                Arguments.of(
                        "real=10.0.0.1:nosuch gate", "unknown service name \"nosuch\" for the port of real server"),
                Arguments.of("real=10.0.0.256:80 gate", "invalid IPv4 address \"10.0.0.256\" for real server"),
                Arguments.of("real=nohost:80 gate", "cannot resolve \"nohost\" to an IPv4 address for real server"),
                Arguments.of(
                        "real=[2001:db8::1]:80 gate",
                        "IPv6 address \"[2001:db8::1]\" in real=; use real6=" + " (in a virtual6 block)"),
                Arguments.of(
                        "real=10.0.0.9->10.0.0.1:80 gate",
                        "invalid range 10.0.0.9->10.0.0.1: the first address" + " is greater than the last"),
                Arguments.of(
                        "real=10.0.0.0->10.1.0.0:80 gate",
                        "range 10.0.0.0->10.1.0.0 has 65537 addresses" + " (at most 65536)"),
                Arguments.of("real=10.0.0.1->:80 gate", "invalid real server address range \"10.0.0.1->:80\""),
                Arguments.of(
                        "real=10.0.0.1->[::1]:80 gate",
                        "address ranges are not supported for IPv6:" + " \"10.0.0.1->[::1]:80\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRealLines")
    void rejectsInvalidRealLineSayingWhatWasNotUnderstood(String line, String expected) {
        assertThat(fixture.errors(HEAD + "\t" + line + "\n")).containsExactly("2: " + expected);
    }

    @Test
    void rejectsRangesAndIpv4AddressesInRealSix() {
        assertThat(fixture.errors("virtual6=[2001:db8::5]:80\n\treal6=[2001:db8::1]->[2001:db8::5]:80 gate\n"
                        + "\treal6=www.example.test->www.example.test gate\n\treal6=10.0.0.1:80 gate\n"))
                .containsExactly(
                        "2: address ranges are not supported for IPv6: \"[2001:db8::1]->[2001:db8::5]:80\"",
                        "3: address ranges are not supported for IPv6: \"www.example.test->www.example.test\"",
                        "4: IPv4 address \"10.0.0.1\" in real6=; use real= (in a virtual block)");
    }
}
