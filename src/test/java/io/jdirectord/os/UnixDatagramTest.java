package io.jdirectord.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class UnixDatagramTest {

    @Test
    void pathAddressEndsWithANul() {
        byte[] address = UnixDatagram.socketAddress("/run/x");
        assertThat(address).hasSize(2 + 6 + 1);
        assertThat(address[0]).isEqualTo((byte) 1);
        assertThat(new String(address, 2, 6, StandardCharsets.UTF_8)).isEqualTo("/run/x");
        assertThat(address[8]).isZero();
    }

    @Test
    void abstractAddressStartsWithANulAndHasNoTerminator() {
        byte[] address = UnixDatagram.socketAddress("@notify");
        assertThat(address).hasSize(2 + 7);
        assertThat(address[2]).isZero();
        assertThat(new String(address, 3, 6, StandardCharsets.UTF_8)).isEqualTo("notify");
    }

    @Test
    void sendingToAMissingSocketFailsWithTheErrno() {
        assertThatThrownBy(() -> UnixDatagram.send("/nonexistent/socket", new byte[] {1}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("errno 2");
    }
}
