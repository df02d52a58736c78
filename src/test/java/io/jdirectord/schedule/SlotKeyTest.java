package io.jdirectord.schedule;

import static io.jdirectord.testing.EngineFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.ProbeSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SlotKeyTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @ParameterizedTest(name = "{0} ms -> {1} slots")
    @CsvSource({"1, 1", "50, 1", "99, 1", "100, 2", "200, 4", "1000, 20", "10000, 200", "3600000, 200"})
    void dividesAnIntervalIntoSlotsFiftyMillisecondsApartAtMostTwoHundred(long millis, int slots) {
        assertThat(SlotKey.count(Duration.ofMillis(millis))).isEqualTo(slots);
    }

    @Test
    void placesEqualProbesInTheSameSlot() {
        assertThat(SlotKey.of(probe("10.0.0.1", 80), SECOND)).isEqualTo(SlotKey.of(probe("10.0.0.1", 80), SECOND));
    }

    @Test
    void spreadsFirstRunsEvenlyOverTheInterval() {
        Map<Integer, Integer> perSlot = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            ProbeSpec spec = probe("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), 80);
            perSlot.merge(SlotKey.of(spec, SECOND).index(), 1, Integer::sum);
        }

        assertThat(perSlot).hasSize(20);
        assertThat(perSlot.values()).allSatisfy(count -> assertThat(count).isBetween(400, 600));
    }

    @Test
    void firesEachSlotItsShareOfTheIntervalAfterTheStart() {
        assertThat(new SlotKey(SECOND, 5, 20).offset()).isEqualTo(Duration.ofMillis(250));
        assertThat(new SlotKey(SECOND, 0, 20).offset()).isEqualTo(Duration.ZERO);
    }
}
