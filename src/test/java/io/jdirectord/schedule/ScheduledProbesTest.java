package io.jdirectord.schedule;

import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.config.CheckType;
import io.jdirectord.config.VirtualService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ScheduledProbesTest {

    @Test
    void schedulesOneProbePerDistinctSpecAtTheShortestInterval() {
        VirtualService slow = tcp("192.0.2.10", 80)
                .timing(Duration.ofSeconds(10), 1, 1)
                .real(real("10.0.0.1", 80))
                .real(real("10.0.0.2", 80))
                .build();
        VirtualService fast = tcp("192.0.2.11", 80)
                .timing(Duration.ofMillis(500), 3, 1)
                .real(real("10.0.0.1", 80))
                .build();

        List<ScheduledProbe> probes = ScheduledProbes.from(config(false, slow, fast));

        assertThat(probes)
                .containsExactly(
                        new ScheduledProbe(slow.probeFor(slow.reals().get(0)), Duration.ofMillis(500)),
                        new ScheduledProbe(slow.probeFor(slow.reals().get(1)), Duration.ofSeconds(10)));
    }

    @Test
    void leavesOutCheckTypesOnAndOff() {
        VirtualService on = tcp("192.0.2.10", 80)
                .checkType(CheckType.ON)
                .real(real("10.0.0.1", 80))
                .build();
        VirtualService off = tcp("192.0.2.11", 80)
                .checkType(CheckType.OFF)
                .real(real("10.0.0.1", 80))
                .build();

        assertThat(ScheduledProbes.from(config(false, on, off))).isEmpty();
    }

    @Test
    void keepsIntervalsInWholeMillisecondsOfAtLeastOne() {
        VirtualService virtual =
                tcp("192.0.2.10", 80).real(real("10.0.0.1", 80)).build();
        var spec = virtual.probeFor(virtual.reals().get(0));

        assertThat(new ScheduledProbe(spec, Duration.ofNanos(1_500_000)).interval())
                .isEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> new ScheduledProbe(spec, Duration.ofNanos(999_999)))
                .hasMessageStartingWith("interval < 1 ms");
    }
}
