package io.jdirectord.daemon.metrics;

import static io.jdirectord.testing.EngineFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.schedule.ScheduledProbe;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SchedulerLagTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    private final ProbeSpec probe = probe("10.0.0.1", 80);
    private final SchedulerLag lag = new SchedulerLag();

    @Test
    void learnsTheSlotFromTheFirstRunAndMeasuresLaterRunsAgainstIt() {
        lag.configured(List.of(new ScheduledProbe(probe, Duration.ofSeconds(10))));

        assertThat(lag.lag(probe, 1_003 * SECOND)).isEmpty();
        assertThat(lag.lag(probe, 1_013 * SECOND + 40 * MILLI)).hasValue(40 * MILLI);
        assertThat(lag.lag(probe, 1_053 * SECOND)).as("after skipped runs").hasValue(0);
    }

    @Test
    void takesARunEarlierThanTheLearnedSlotAsTheTrueSlot() {
        lag.configured(List.of(new ScheduledProbe(probe, Duration.ofSeconds(10))));
        lag.lag(probe, 1_003 * SECOND + 200 * MILLI);

        assertThat(lag.lag(probe, 1_013 * SECOND)).hasValue(0);
        assertThat(lag.lag(probe, 1_023 * SECOND + 200 * MILLI)).hasValue(200 * MILLI);
    }

    @Test
    void ignoresProbesThatAreNotScheduled() {
        assertThat(lag.lag(probe, SECOND)).isEmpty();
        assertThat(lag.lag(probe, 11 * SECOND)).isEmpty();
    }

    @Test
    void startsOverWhenTheIntervalChangesAndKeepsTheSlotWhenItDoesNot() {
        lag.configured(List.of(new ScheduledProbe(probe, Duration.ofSeconds(10))));
        lag.lag(probe, 1_003 * SECOND);
        lag.configured(List.of(new ScheduledProbe(probe, Duration.ofSeconds(10))));
        assertThat(lag.lag(probe, 1_013 * SECOND + MILLI)).hasValue(MILLI);

        lag.configured(List.of(new ScheduledProbe(probe, Duration.ofSeconds(5))));
        assertThat(lag.lag(probe, 1_020 * SECOND)).isEqualTo(OptionalLong.empty());
        assertThat(lag.lag(probe, 1_025 * SECOND + MILLI)).hasValue(MILLI);
    }
}
