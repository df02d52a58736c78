package io.jdirectord.schedule;

import static io.jdirectord.testing.EngineFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.CheckResult;
import io.jdirectord.check.CheckRunner;
import io.jdirectord.check.Deadline;
import io.jdirectord.check.LoopCheck;
import io.jdirectord.config.ProbeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Probes of a {@link LoopCheck}: started on the probe loop instead of a thread, one run at a time. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LoopCheckRunTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final ProbeSpec web = probe("10.0.0.1", 80);
    private final ManualExecutor executor = new ManualExecutor();
    private final List<String> results = new CopyOnWriteArrayList<>();
    private final List<Duration> lags = new CopyOnWriteArrayList<>();
    private final HeldCheck check = new HeldCheck();
    private final ProbeSlots slots = new ProbeSlots(
            spec -> check,
            new ProbeEnvironment(
                    executor,
                    new CheckRunner(),
                    new ProbeListener() {
                        @Override
                        public void onResult(ProbeSpec probe, CheckResult result, Instant finished) {
                            results.add(result.reason());
                        }

                        @Override
                        public void onResult(ProbeSpec probe, CheckResult result, Instant finished, Duration startLag) {
                            results.add(result.reason());
                            lags.add(startLag);
                        }
                    },
                    () -> NOW));

    @Test
    void aLoopCheckStartsWithoutAThreadAndItsResultReachesTheListenerWithItsStartLag() {
        slots.update(List.of(new ScheduledProbe(web, SECOND)));

        slots.fire(SlotKey.of(web, SECOND), NOW.minusMillis(300));
        check.end(CheckResult.up("HTTP 200"));

        assertThat(executor.queued()).isZero();
        assertThat(results).containsExactly("HTTP 200");
        assertThat(lags).containsExactly(Duration.ofMillis(300));
    }

    @Test
    void aLoopCheckStillRunningIsSkippedAndTheNextFireAfterItsEndStartsIt() {
        slots.update(List.of(new ScheduledProbe(web, SECOND)));
        SlotKey slot = SlotKey.of(web, SECOND);

        assertThat(slots.fire(slot)).isEqualTo(1);
        assertThat(slots.fire(slot)).isZero();
        check.end(CheckResult.down("connection refused"));
        assertThat(slots.fire(slot)).isEqualTo(1);

        assertThat(check.starts).isEqualTo(2);
        assertThat(results).containsExactly("connection refused");
    }

    @Test
    void aLoopCheckThatCannotStartEndsItsRunDownWithTheReason() {
        HeldCheck failing = new HeldCheck();
        failing.refuse = true;
        ProbeSlots refusing = new ProbeSlots(
                spec -> failing,
                new ProbeEnvironment(
                        executor, new CheckRunner(), (probe, result, at) -> results.add(result.reason()), () -> NOW));
        refusing.update(List.of(new ScheduledProbe(web, SECOND)));

        refusing.fire(SlotKey.of(web, SECOND));
        refusing.fire(SlotKey.of(web, SECOND));

        assertThat(results).containsExactly("IllegalStateException: loop closed", "IllegalStateException: loop closed");
    }

    /** A loop check whose probe ends when the test says. */
    private static final class HeldCheck implements LoopCheck {
        private Consumer<CheckResult> done = result -> {};
        private boolean refuse;
        int starts;

        @Override
        public void start(Deadline deadline, Consumer<CheckResult> done) {
            if (refuse) {
                throw new IllegalStateException("loop closed");
            }
            starts++;
            this.done = done;
        }

        void end(CheckResult result) {
            done.accept(result);
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(2);
        }
    }
}
