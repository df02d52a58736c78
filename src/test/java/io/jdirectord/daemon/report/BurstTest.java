package io.jdirectord.daemon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BurstTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private final Burst burst = new Burst();

    @Test
    void logsTheFirstEventOfABurstAndCountsTheRestIntoTheNextLine() {
        assertThat(burst.admit(T0)).isEqualTo(OptionalInt.of(0));
        for (int i = 1; i <= 50; i++) {
            assertThat(burst.admit(T0.plusMillis(100L * i))).isEmpty();
        }

        assertThat(burst.admit(T0.plus(Burst.QUIET))).isEqualTo(OptionalInt.of(50));
        assertThat(burst.admit(T0.plus(Burst.QUIET).plus(Duration.ofSeconds(1))))
                .isEmpty();
    }
}
