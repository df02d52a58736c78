package io.jdirectord.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AddressTextTest {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.1, 192.0.2.1",
        "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
        "::1, ::1",
        "::, ::",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "2001:0:0:1:0:0:0:0, 2001:0:0:1::",
    })
    void writesAddressesInCanonicalForm(String input, String expected) throws UnknownHostException {
        assertThat(AddressText.of(InetAddress.getByName(input))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"192.0.2.1, 192.0.2.1:80", "2001:db8::1, [2001:db8::1]:80"})
    void bracketsIpv6WithAPort(String input, String expected) throws UnknownHostException {
        assertThat(AddressText.withPort(InetAddress.getByName(input), 80)).isEqualTo(expected);
    }
}
