package io.jdirectord.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Settings the kernel does not keep apart from its defaults compare equal to those defaults. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class KernelDefaultsTest {

    private static IpvsService persistent(String address, int netmask) throws UnknownHostException {
        return new IpvsService(
                ServiceKey.of(IpvsProtocol.TCP, InetAddress.getByName(address), 80),
                "rr",
                OptionalInt.of(300),
                OptionalInt.of(netmask),
                false,
                0,
                Optional.empty());
    }

    @Test
    void anAllOnesOrFullPrefixNetmaskIsTheDefault() throws UnknownHostException {
        assertThat(persistent("192.0.2.1", 0xffffffff).netmask()).isEmpty();
        assertThat(persistent("2001:db8::1", 128).netmask()).isEmpty();
        assertThat(persistent("192.0.2.1", 0xffffff00).netmask()).hasValue(0xffffff00);
        assertThat(persistent("2001:db8::1", 64).netmask()).hasValue(64);
    }

    @Test
    void onlyTunnelDestinationsKeepTunnelSettings() throws UnknownHostException {
        DestinationKey key = new DestinationKey(InetAddress.getByName("198.51.100.1"), 80);
        IpvsTunnel gue = new IpvsTunnel(IpvsTunnel.Type.GUE, 6080, IpvsTunnel.CSUM);
        assertThat(new IpvsDestination(key, ForwardingMethod.MASQ, 1, 0, 0, gue).tunnel())
                .isEqualTo(IpvsTunnel.IPIP);
        assertThat(new IpvsDestination(key, ForwardingMethod.TUNNEL, 1, 0, 0, gue).tunnel())
                .isEqualTo(gue);
    }
}
