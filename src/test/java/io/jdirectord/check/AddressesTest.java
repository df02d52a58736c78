package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AddressesTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1, 127.0.0.1",
        "::1, ::1, [::1]",
        "::, ::, [::]",
        "2001:db8:0:0:0:0:0:10, 2001:db8::10, [2001:db8::10]",
        "2001:0db8:0:1:0:0:0:1, 2001:db8:0:1::1, [2001:db8:0:1::1]",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1, [2001:db8::1:0:0:1]",
        "fe80:0:0:0:0:0:0:0, fe80::, [fe80::]",
        "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6, [2001:db8:1:2:3:4:5:6]",
        "2001:db8:0:1:2:3:4:5, 2001:db8:0:1:2:3:4:5, [2001:db8:0:1:2:3:4:5]"
    })
    void writesAddressesInTheirShortestStandardForm(String literal, String text, String bracketed) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(Addresses.text(address)).isEqualTo(text);
        assertThat(Addresses.bracketed(address)).isEqualTo(bracketed);
    }
}
