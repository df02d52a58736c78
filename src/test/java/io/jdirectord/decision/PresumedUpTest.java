package io.jdirectord.decision;

import static io.jdirectord.decision.DesiredStateTest.dest;
import static io.jdirectord.decision.DesiredStateTest.entry;
import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.Forwarding;
import io.jdirectord.config.VirtualService;
import io.jdirectord.health.HealthKey;
import io.jdirectord.ipvs.ForwardingMethod;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PresumedUpTest {

    private final VirtualService virtual = tcp("192.0.2.10", 80)
            .real(real("10.0.0.1", 80))
            .real(real("10.0.0.2", 80))
            .real(real("10.0.0.3", 8080, Forwarding.GATE, 1))
            .real(real("10.0.0.4", 80))
            .build();

    @Test
    void presumesUpOnlyRealServersListedWithAWeight() {
        var table = List.of(entry(
                virtual,
                dest("10.0.0.1", 80, ForwardingMethod.ROUTE, 1),
                dest("10.0.0.2", 80, ForwardingMethod.ROUTE, 0),
                dest("10.0.0.3", 80, ForwardingMethod.ROUTE, 5)));

        assertThat(PresumedUp.from(config(false, virtual), table))
                .containsExactly(
                        HealthKey.of(virtual, virtual.reals().get(0)),
                        HealthKey.of(virtual, virtual.reals().get(2)));
    }

    @Test
    void presumesNothingForAServiceNotInTheTable() {
        assertThat(PresumedUp.from(config(false, virtual), List.of())).isEmpty();
    }
}
