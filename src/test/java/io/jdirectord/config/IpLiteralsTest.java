package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numeric addresses are parsed strictly and without name lookups; IPv6 is printed as ipvsadm prints it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IpLiteralsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.0.2.1", "255.255.255.255", "010.0.0.1"})
    void acceptsDottedQuads(String text) throws Exception {
        assertThat(IpLiterals.ipv4(text).orElseThrow().getHostAddress()).isEqualTo(text.replace("010.", "10."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "10.1", "5060", "1.2.3.4.5", "1.2.3.256", "1..3.4", "1.2.3.", "1.2.3.1000"})
    void rejectsShortFormsAndOutOfRangeParts(String text) {
        assertThat(IpLiterals.ipv4(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "::,::",
        "::1,::1",
        "2001:db8::5,2001:db8::5",
        "2001:DB8:0:0:0:0:0:5,2001:db8::5",
        "2001:db8:0:1::4,2001:db8:0:1::4",
        "2001:db8::1:0:0:1,2001:db8::1:0:0:1",
        "1:0:0:2:0:0:0:3,1:0:0:2::3",
        "fe80::,fe80::",
        "1:2:3:4:5:6:7:8,1:2:3:4:5:6:7:8",
        "0:0:0:0:0:ffff:c000:201,::ffff:c000:201"
    })
    void parsesIpv6AndPrintsItInRfc5952Form(String text, String printed) {
        Inet6Address address = IpLiterals.ipv6(text).orElseThrow();
        assertThat(io.jdirectord.net.AddressText.of(address)).isEqualTo(printed);
        assertThat(new Endpoint(address, 80)).hasToString("[" + printed + "]:80");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ":",
                ":::",
                "1::2::3",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9",
                "12345::",
                "g::1",
                "1:2:3:4:5:6:7::8",
                "::ffff:192.0.2.1",
                "fe80::1%eth0"
            })
    void rejectsMalformedIpv6(String text) {
        assertThat(IpLiterals.ipv6(text)).isEmpty();
    }

    @Test
    void convertsBetweenIpv4AndNumbers() throws Exception {
        assertThat(IpLiterals.toLong(IpLiterals.ipv4("255.255.255.254").orElseThrow()))
                .isEqualTo(0xfffffffeL);
        assertThat(IpLiterals.fromLong(5060)).isEqualTo(InetAddress.getByName("0.0.19.196"));
    }
}
