package io.jdirectord.schedule;

import static io.jdirectord.schedule.ProbeSlotsTest.check;
import static io.jdirectord.schedule.ProbeSlotsTest.fireAll;
import static io.jdirectord.testing.EngineFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.check.CheckResult;
import io.jdirectord.check.CheckRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FirstRunRampTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final int AT_ONCE = 3;

    private final ManualExecutor executor = new ManualExecutor();
    private final List<String> results = new CopyOnWriteArrayList<>();
    private final ProbeSlots slots = new ProbeSlots(
            spec -> check(CheckResult.up("ok")),
            new ProbeEnvironment(
                    executor,
                    new CheckRunner(),
                    (spec, result, at) -> results.add(String.valueOf(spec.real())),
                    () -> NOW),
            new FirstRunRamp(AT_ONCE, AT_ONCE));

    @Test
    void atMostSoManyNewProbesAreInTheirFirstRunAtOnce() {
        slots.update(probes(0, 10));

        assertThat(fireAll(slots, SECOND)).isEqualTo(AT_ONCE);
        assertThat(fireAll(slots, SECOND)).as("no first run has ended").isZero();
        assertThat(slots.firstRunsInFlight()).isEqualTo(AT_ONCE);
    }

    @Test
    void eachFirstResultLetsTheNextNewProbeStartAtItsSlotsNextFire() {
        slots.update(probes(0, 10));
        fireAll(slots, SECOND);

        executor.runNext();
        executor.runNext();

        assertThat(slots.firstRunsInFlight()).isOne();
        assertThat(fireAll(slots, SECOND))
                .as("two new probes, and the two whose first run ended run again")
                .isEqualTo(4);
        assertThat(slots.firstRunsInFlight()).isEqualTo(AT_ONCE);
    }

    @Test
    void everyProbeGetsItsFirstRunAndThenRunsAtEveryFire() {
        slots.update(probes(0, 10));

        for (int round = 0; round < 4; round++) {
            fireAll(slots, SECOND);
            executor.runAll();
        }

        assertThat(results)
                .as("3 new probes a round, and those through run every round")
                .hasSize(3 + 6 + 9 + 10);
        assertThat(fireAll(slots, SECOND)).as("none is held back any more").isEqualTo(10);
        assertThat(slots.firstRunsInFlight()).isZero();
    }

    @Test
    void aReloadThatAddsProbesRampsThemWithoutHoldingBackTheProbesItKeeps() {
        slots.update(probes(0, 2));
        fireAll(slots, SECOND);
        executor.runAll();

        slots.update(probes(0, 12));

        assertThat(fireAll(slots, SECOND)).as("2 kept and 3 new").isEqualTo(2 + AT_ONCE);
    }

    @Test
    void aFirstRunThatCouldNotStartGivesItsPlaceBack() {
        ProbeSlots refusing = new ProbeSlots(
                spec -> check(CheckResult.up("ok")),
                new ProbeEnvironment(
                        run -> {
                            throw new RejectedExecutionException("shut down");
                        },
                        new CheckRunner(),
                        (spec, result, at) -> {},
                        () -> NOW),
                new FirstRunRamp(AT_ONCE, AT_ONCE));
        refusing.update(probes(0, 10));

        assertThat(fireAll(refusing, SECOND)).isZero();
        assertThat(refusing.firstRunsInFlight()).isZero();
    }

    @Test
    void aFailedFirstResultGivesThePlaceBackToo() {
        ProbeSlots failing = new ProbeSlots(
                spec -> check(CheckResult.down("connect timeout after 2000 ms")),
                new ProbeEnvironment(executor, new CheckRunner(), (spec, result, at) -> {}, () -> NOW),
                new FirstRunRamp(AT_ONCE, AT_ONCE));
        failing.update(probes(0, 10));
        fireAll(failing, SECOND);

        executor.runAll();

        assertThat(failing.firstRunsInFlight()).isZero();
    }

    @Test
    void eachFirstResultOpensOneMorePlaceUpToTheLimit() {
        ProbeSlots growing = new ProbeSlots(
                spec -> check(CheckResult.up("ok")),
                new ProbeEnvironment(executor, new CheckRunner(), (spec, result, at) -> {}, () -> NOW),
                new FirstRunRamp(1, AT_ONCE));
        growing.update(probes(0, 10));
        List<Integer> started = new ArrayList<>();

        for (int round = 0; round < 4; round++) {
            started.add(fireAll(growing, SECOND));
            executor.runAll();
        }

        assertThat(started)
                .as("runs a round: new ones, then also those through")
                .containsExactly(1, 1 + 2, 3 + 3, 6 + 3);
    }

    @Test
    void refusesARampWithoutPlaces() {
        assertThatThrownBy(() -> new FirstRunRamp(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FirstRunRamp(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<ScheduledProbe> probes(int from, int to) {
        List<ScheduledProbe> probes = new ArrayList<>();
        for (int i = from; i < to; i++) {
            probes.add(new ScheduledProbe(probe("10.1.0." + (i + 1), 80), SECOND));
        }
        return probes;
    }
}
