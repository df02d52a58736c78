package io.jdirectord.config;

import static io.jdirectord.testing.EngineFixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProbeSpecTest {

    private static final Endpoint REAL = new Endpoint(ip("10.0.0.1"), 80);

    private static CheckSpec http(String receive) {
        return CheckSpec.builder()
                .type(CheckType.NEGOTIATE)
                .service(ServiceKind.HTTP)
                .receive(receive)
                .build();
    }

    @Test
    void probesBuiltApartFromEqualPartsAreEqualWithEqualHashes() {
        ProbeSpec one = new ProbeSpec(http("ok"), REAL, Optional.empty());
        ProbeSpec other = new ProbeSpec(http("ok"), new Endpoint(ip("10.0.0.1"), 80), Optional.empty());

        assertThat(other).isEqualTo(one).isNotSameAs(one);
        assertThat(other.hashCode()).isEqualTo(one.hashCode());
    }

    @Test
    void probesOfOneRealServerThatDifferOnlyInTheCheckAreNotEqual() {
        ProbeSpec ok = new ProbeSpec(http("ok"), REAL, Optional.empty());
        ProbeSpec up = new ProbeSpec(http("up"), REAL, Optional.empty());

        assertThat(up).isNotEqualTo(ok);
    }

    @Test
    void probesOfOtherRealServersOrVirtualServicesAreNotEqual() {
        ProbeSpec probe = new ProbeSpec(http("ok"), REAL, Optional.empty());
        Endpoint otherPort = new Endpoint(REAL.address(), 81);
        VirtualServiceKey virtual = VirtualServiceKey.ofAddress(Protocol.TCP, ip("192.0.2.1"), 80);

        assertThat(new ProbeSpec(http("ok"), otherPort, Optional.empty())).isNotEqualTo(probe);
        assertThat(new ProbeSpec(http("ok"), REAL, Optional.of(virtual))).isNotEqualTo(probe);
        assertThat(probe).isNotEqualTo(null).isNotEqualTo(REAL);
    }

    @Test
    void readsAsARecordWould() {
        CheckSpec check = http("ok");

        assertThat(new ProbeSpec(check, REAL, Optional.empty()))
                .hasToString("ProbeSpec[check=" + check + ", real=10.0.0.1:80, virtual=Optional.empty]");
    }
}
