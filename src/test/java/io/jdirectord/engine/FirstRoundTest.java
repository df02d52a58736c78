package io.jdirectord.engine;

import static io.jdirectord.testing.EngineFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.schedule.ScheduledProbe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FirstRoundTest {

    private final ProbeSpec first = probe("10.0.0.1", 80);
    private final ProbeSpec second = probe("10.0.0.2", 80);

    private static FirstRound of(ProbeSpec... probes) {
        return new FirstRound(List.of(probes).stream()
                .map(p -> new ScheduledProbe(p, Duration.ofSeconds(1)))
                .toList());
    }

    @Test
    void completesWithTheResultOfTheLastProbeItWaitedFor() {
        FirstRound round = of(first, second);

        assertThat(round.report(first)).isFalse();
        assertThat(round.report(first)).as("a second result of the same probe").isFalse();
        assertThat(round.report(second)).isTrue();
    }

    @Test
    void announcesCompletionOnlyOnce() {
        FirstRound round = of(first);

        assertThat(round.report(first)).isTrue();
        assertThat(round.report(first)).isFalse();
        assertThat(round.complete()).isFalse();
    }

    @Test
    void ignoresProbesOfAnotherConfiguration() {
        FirstRound round = of(first);

        assertThat(round.report(second)).isFalse();
        assertThat(round.complete()).isFalse();
    }

    @Test
    void isCompleteAtOnceWithoutProbesButSaysSoOnce() {
        FirstRound round = of();

        assertThat(round.complete()).isTrue();
        assertThat(round.complete()).isFalse();
    }

    @Test
    void isNotCompleteWhileProbesAreOutstanding() {
        assertThat(of(first).complete()).isFalse();
    }
}
