package io.jdirectord.schedule;

import static io.jdirectord.schedule.ProbeSlotsTest.check;
import static io.jdirectord.testing.EngineFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.CheckResult;
import io.jdirectord.check.CheckRunner;
import io.jdirectord.config.ProbeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SlotJobTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final ProbeSpec web = probe("10.0.0.1", 80);
    private final ManualExecutor executor = new ManualExecutor();
    private final ProbeSlots slots = new ProbeSlots(
            spec -> check(CheckResult.up("ok")),
            new ProbeEnvironment(executor, new CheckRunner(), (s, r, a) -> {}, () -> NOW));

    /** Given a fire scheduled this many ms before now, for a 1 s interval, the slot fires or not. */
    @ParameterizedTest(name = "{0} ms late: fires {1}")
    @CsvSource({"0, true", "250, true", "1000, true", "1001, false", "5000, false"})
    void dropsFiresMoreThanOneIntervalLate(long lateMillis, boolean fires) {
        slots.update(List.of(new ScheduledProbe(web, SECOND)));

        new SlotJob(slots, () -> NOW).fire(SlotKey.of(web, SECOND), NOW.minusMillis(lateMillis));

        assertThat(executor.queued()).isEqualTo(fires ? 1 : 0);
    }

    @Test
    void carriesItsSlotInTheJobData() {
        SlotKey key = new SlotKey(Duration.ofMillis(1500), 7, 30);

        assertThat(SlotJob.key(SlotJob.data(key))).isEqualTo(key);
    }
}
