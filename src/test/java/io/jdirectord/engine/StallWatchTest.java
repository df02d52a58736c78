package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stall watch driven by a manual clock: ticks on time are no stall, a long gap is, and what overlaps it. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StallWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final List<Duration> heard = new CopyOnWriteArrayList<>();
    private final StallWatch watch = new StallWatch(clock, heard::add);

    private void tickAfter(long millis) {
        clock.advance(Duration.ofMillis(millis));
        watch.tick();
    }

    @Test
    void ticksOnTimeOrAlittleLateAreNoStall() {
        for (int i = 0; i < 50; i++) {
            tickAfter(100);
        }
        tickAfter(300);

        assertThat(watch.total()).isZero();
        assertThat(heard).isEmpty();
        assertThat(watch.stalledWithin(T0, clock.instant())).isZero();
    }

    @Test
    void aLongGapIsAStallBeyondTheTickThatWasDue() {
        tickAfter(100);
        tickAfter(2_100);

        assertThat(watch.total()).isEqualTo(Duration.ofSeconds(2));
        assertThat(heard).containsExactly(Duration.ofSeconds(2));
        assertThat(watch.stalledWithin(T0, clock.instant())).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aProbeWindowCountsOnlyTheStallTimeInsideIt() {
        tickAfter(100); // 08:00:00.100
        tickAfter(3_100); // stalled 08:00:00.200 .. 08:00:03.200

        Instant from = T0.plusSeconds(2);
        assertThat(watch.stalledWithin(from, from.plusSeconds(5))).isEqualTo(Duration.ofMillis(1_200));
        assertThat(watch.stalledWithin(T0.plusSeconds(4), T0.plusSeconds(9))).isZero();
    }

    @Test
    void forgetsStallsOlderThanItsMemoryButKeepsTheTotal() {
        tickAfter(100);
        tickAfter(5_100);

        for (long waited = 0; waited <= StallWatch.MEMORY.toMillis(); waited += 100) {
            tickAfter(100);
        }

        assertThat(watch.stalledWithin(T0, clock.instant())).isZero();
        assertThat(watch.total()).isEqualTo(Duration.ofSeconds(5));
    }
}
