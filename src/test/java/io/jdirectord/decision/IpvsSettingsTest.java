package io.jdirectord.decision;

import static io.jdirectord.testing.EngineFixtures.endpoint;
import static io.jdirectord.testing.EngineFixtures.fwmark;
import static io.jdirectord.testing.EngineFixtures.ip;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static io.jdirectord.testing.EngineFixtures.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.config.Fallback;
import io.jdirectord.config.Family;
import io.jdirectord.config.Forwarding;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.testing.EngineFixtures.VirtualBuilder;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class IpvsSettingsTest {

    private static final int MASK_24 = 0xFFFFFF00;

    /** Given this virtual block, the service is added as this ipvsadm command would add it. */
    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("defaults", tcp("192.0.2.10", 80), "ipvsadm -A -t 192.0.2.10:80 -s wrr"),
                Arguments.of("scheduler", tcp("192.0.2.10", 80).scheduler("lc"), "ipvsadm -A -t 192.0.2.10:80 -s lc"),
                Arguments.of(
                        "persistence",
                        tcp("192.0.2.10", 80).persistence(300, OptionalInt.empty()),
                        "ipvsadm -A -t 192.0.2.10:80 -s wrr -p 300"),
                Arguments.of(
                        "persistence with netmask",
                        tcp("192.0.2.10", 80).persistence(300, OptionalInt.of(MASK_24)),
                        "ipvsadm -A -t 192.0.2.10:80 -s wrr -p 300 -M 255.255.255.0"),
                Arguments.of(
                        "ops on udp", udp("192.0.2.10", 53).onePacket(true), "ipvsadm -A -u 192.0.2.10:53 -s wrr -o"),
                Arguments.of(
                        "ops ignored on tcp",
                        tcp("192.0.2.10", 80).onePacket(true),
                        "ipvsadm -A -t 192.0.2.10:80 -s wrr"),
                Arguments.of("ops ignored on fwmark", fwmark(Family.INET, 7).onePacket(true), "ipvsadm -A -f 7 -s wrr"),
                Arguments.of("fwmark", fwmark(Family.INET, 7), "ipvsadm -A -f 7 -s wrr"),
                Arguments.of("IPv6 fwmark", fwmark(Family.INET6, 7), "ipvsadm -A -f 7 -6 -s wrr"),
                Arguments.of("IPv6 address", tcp("2001:db8::1", 80), "ipvsadm -A -t [2001:db8::1]:80 -s wrr"),
                Arguments.of(
                        "IPv6 persistence prefix",
                        tcp("2001:db8::1", 80).persistence(60, OptionalInt.of(64)),
                        "ipvsadm -A -t [2001:db8::1]:80 -s wrr -p 60 -M 64"),
                Arguments.of(
                        "sh flags",
                        tcp("192.0.2.10", 80).scheduler("sh").schedFlags("sh-fallback,sh-port"),
                        "ipvsadm -A -t 192.0.2.10:80 -s sh -b flag-1,flag-2"),
                Arguments.of(
                        "flag-3",
                        tcp("192.0.2.10", 80).schedFlags("flag-3"),
                        "ipvsadm -A -t 192.0.2.10:80 -s wrr -b flag-3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void mapsVirtualServiceSettings(String description, VirtualBuilder virtual, String expected) {
        assertThat(new IpvsOp.AddService(IpvsSettings.service(virtual.build())).toIpvsadm())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sh-fallback             | 1
            sh-port                 | 2
            mh-fallback,mh-port     | 3
            flag-1                  | 1
            flag-2                  | 2
            flag-3                  | 4
            flag-1, flag-2, flag-3  | 7
            SH-PORT                 | 2
            """)
    void namesSchedulerFlagBits(String names, int bits) {
        assertThat(IpvsSettings.schedFlags(names)).isEqualTo(bits);
    }

    @ParameterizedTest(name = "{0} {1}:{2} in {3}:{4} -> port {5}")
    @CsvSource(textBlock = """
            MASQ, 192.0.2.99, 8080, 192.0.2.10, 80, 8080
            MASQ, 192.0.2.99,    0, 192.0.2.10, 80,   80
            GATE, 192.0.2.99, 8080, 192.0.2.10, 80,   80
            IPIP, 192.0.2.99,    0, 192.0.2.10, 80,   80
            """)
    void placesTheFallbackAtTheKeyTheTableGivesIt(
            Forwarding forwarding, String address, int port, String vip, int vport, int expectedPort) {
        var virtual = tcp(vip, vport).build();
        assertThat(IpvsSettings.fallbackKey(virtual, new Fallback(endpoint(address, port), forwarding)))
                .isEqualTo(new DestinationKey(ip(address), expectedPort));
    }

    @Test
    void rejectsAnUnknownSchedulerFlagByName() {
        assertThatThrownBy(() -> IpvsSettings.schedFlags("sh-port,sh-fallbak"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown scheduler flag: sh-fallbak");
    }
}
