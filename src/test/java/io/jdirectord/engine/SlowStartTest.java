package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The slow-start share as time passes: elapsed over length, never below the floor, never above 1. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SlowStartTest {

    @ParameterizedTest(name = "{0} ms into a ramp of {1} s the share is {2}")
    @CsvSource({
        "0,      10, 0.01",
        "50,     10, 0.01",
        "100,    10, 0.01",
        "1000,   10, 0.1",
        "5000,   10, 0.5",
        "9999,   10, 0.9999",
        "10000,  10, 1.0",
        "60000,  10, 1.0",
        "-2000,  10, 0.01",
        "30000,  60, 0.5",
        "0,      0,  1.0"
    })
    void growsLinearlyFromTheFloorToTheWholeWeight(long elapsedMillis, long lengthSeconds, double share) {
        assertThat(SlowStart.share(Duration.ofMillis(elapsedMillis), Duration.ofSeconds(lengthSeconds)))
                .isCloseTo(share, within(1e-9));
    }
}
