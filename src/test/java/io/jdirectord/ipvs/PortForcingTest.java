package io.jdirectord.ipvs;

import static io.jdirectord.testing.EngineFixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PortForcingTest {

    /** Given a destination port and forwarding in TCP service :80 or fwmark 7, the table has this port. */
    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            tcp    | ROUTE  | 8080 | 80
            tcp    | TUNNEL | 8080 | 80
            tcp    | MASQ   | 8080 | 8080
            tcp    | LOCAL  | 8080 | 8080
            tcp    | ROUTE  | 0    | 80
            fwmark | ROUTE  | 8080 | 8080
            fwmark | ROUTE  | 0    | 0
            """)
    void directRoutingAndTunnellingTakeTheServicePortOfAddressServices(
            String kind, ForwardingMethod forwarding, int port, int expected) {
        ServiceKey service = kind.equals("tcp")
                ? ServiceKey.of(IpvsProtocol.TCP, ip("192.0.2.10"), 80)
                : ServiceKey.ofFwmark(false, 7);

        DestinationKey effective =
                PortForcing.effectiveKey(service, new DestinationKey(ip("10.0.0.1"), port), forwarding);

        assertThat(effective.port()).isEqualTo(expected);
    }
}
