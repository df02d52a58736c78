package io.jdirectord.schedule;

import static io.jdirectord.testing.EngineFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jdirectord.check.Check;
import io.jdirectord.check.CheckFactory;
import io.jdirectord.check.CheckResult;
import io.jdirectord.check.CheckRunner;
import io.jdirectord.config.ProbeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProbeSlotsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final ProbeSpec web = probe("10.0.0.1", 80);
    private final ProbeSpec db = probe("10.0.0.2", 80);
    private final ManualExecutor executor = new ManualExecutor();
    private final List<String> results = new CopyOnWriteArrayList<>();
    private final Map<ProbeSpec, AtomicInteger> checksBuilt = new ConcurrentHashMap<>();
    private final CheckFactory factory = spec -> {
        checksBuilt.computeIfAbsent(spec, s -> new AtomicInteger()).incrementAndGet();
        return check(CheckResult.up("ok " + spec.real()));
    };
    private final ProbeSlots slots = new ProbeSlots(
            factory,
            new ProbeEnvironment(
                    executor,
                    new CheckRunner(),
                    (spec, result, at) -> results.add(result.reason() + " @" + at),
                    () -> NOW));

    private final Logger runnerLog = (Logger) LoggerFactory.getLogger(ProbeRunner.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @AfterEach
    void detachLog() {
        runnerLog.detachAppender(log);
    }

    @Test
    void firingASlotStartsEachOfItsProbesAsItsOwnTask() {
        slots.update(List.of(new ScheduledProbe(web, SECOND), new ScheduledProbe(db, SECOND)));

        int started = fireAll(SECOND);
        executor.runAll();

        assertThat(started).isEqualTo(2);
        assertThat(results).containsExactlyInAnyOrder("ok 10.0.0.1:80 @" + NOW, "ok 10.0.0.2:80 @" + NOW);
    }

    @Test
    void eachRunIsToldHowLongAfterItsScheduledFireItStarted() {
        List<Duration> lags = new CopyOnWriteArrayList<>();
        ProbeListener listener = new ProbeListener() {
            @Override
            public void onResult(ProbeSpec probe, CheckResult result, Instant finished) {
                throw new AssertionError("the scheduler reports the start lag");
            }

            @Override
            public void onResult(ProbeSpec probe, CheckResult result, Instant finished, Duration startLag) {
                lags.add(startLag);
            }
        };
        ProbeSlots lagging =
                new ProbeSlots(factory, new ProbeEnvironment(executor, new CheckRunner(), listener, () -> NOW));
        lagging.update(List.of(new ScheduledProbe(web, SECOND)));

        lagging.fire(SlotKey.of(web, SECOND), NOW.minusMillis(1_500));
        executor.runAll();

        assertThat(lags).containsExactly(Duration.ofMillis(1_500));
    }

    @Test
    void aProbeStillRunningIsSkippedNotQueued() {
        slots.update(List.of(new ScheduledProbe(web, SECOND)));
        SlotKey slot = SlotKey.of(web, SECOND);

        slots.fire(slot);
        slots.fire(slot);
        slots.fire(slot);
        assertThat(executor.queued()).isEqualTo(1);
        executor.runAll();
        slots.fire(slot);
        executor.runAll();

        assertThat(results).hasSize(2);
    }

    @Test
    void warnsOnceWhileAProbeKeepsOverrunningAndOnceWhenItFitsAgain() {
        log.start();
        runnerLog.addAppender(log);
        slots.update(List.of(new ScheduledProbe(web, SECOND)));
        SlotKey slot = SlotKey.of(web, SECOND);

        for (int run = 0; run < 3; run++) {
            slots.fire(slot);
            slots.fire(slot);
            executor.runAll();
        }
        slots.fire(slot);
        executor.runAll();

        assertThat(log.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "probe of negotiate:http 10.0.0.1:80 took longer than its interval (1000 ms): skipping runs while it overruns",
                        "probe of negotiate:http 10.0.0.1:80 runs within its interval again");
        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
    }

    @Test
    void keepsARunningProbeAndItsCheckAcrossAnUpdate() {
        slots.update(List.of(new ScheduledProbe(web, SECOND)));
        slots.fire(SlotKey.of(web, SECOND));

        slots.update(List.of(new ScheduledProbe(web, Duration.ofSeconds(2)), new ScheduledProbe(db, SECOND)));
        slots.fire(SlotKey.of(web, Duration.ofSeconds(2)));

        assertThat(executor.queued()).isEqualTo(1);
        assertThat(checksBuilt.get(web)).hasValue(1);
    }

    @Test
    void removedProbesNoLongerFire() {
        slots.update(List.of(new ScheduledProbe(web, SECOND), new ScheduledProbe(db, SECOND)));

        slots.update(List.of(new ScheduledProbe(db, SECOND)));
        int started = fireAll(SECOND);
        executor.runAll();

        assertThat(started).isEqualTo(1);
        assertThat(results).containsExactly("ok 10.0.0.2:80 @" + NOW);
    }

    @Test
    void anUpdateWhoseCheckCannotBeBuiltChangesNothing() {
        ProbeSlots picky = new ProbeSlots(
                spec -> {
                    if (spec.equals(db)) {
                        throw new IllegalArgumentException("no such check");
                    }
                    return check(CheckResult.up("ok " + spec.real()));
                },
                new ProbeEnvironment(executor, new CheckRunner(), (s, r, a) -> results.add(r.reason()), () -> NOW));
        picky.update(List.of(new ScheduledProbe(web, SECOND)));

        assertThatThrownBy(() -> picky.update(List.of(new ScheduledProbe(db, SECOND))))
                .hasMessage("no such check");
        for (int i = 0; i < SlotKey.count(SECOND); i++) {
            picky.fire(new SlotKey(SECOND, i, SlotKey.count(SECOND)));
        }
        executor.runAll();

        assertThat(results).containsExactly("ok 10.0.0.1:80");
    }

    @Test
    void aListenerThatThrowsDoesNotStopLaterRuns() {
        AtomicInteger calls = new AtomicInteger();
        ProbeSlots throwing = new ProbeSlots(
                factory,
                new ProbeEnvironment(
                        executor,
                        new CheckRunner(),
                        (s, r, a) -> {
                            calls.incrementAndGet();
                            throw new IllegalStateException("listener bug");
                        },
                        () -> NOW));
        throwing.update(List.of(new ScheduledProbe(web, SECOND)));

        throwing.fire(SlotKey.of(web, SECOND));
        executor.runAll();
        throwing.fire(SlotKey.of(web, SECOND));
        executor.runAll();

        assertThat(calls).hasValue(2);
    }

    @Test
    void afterCloseNothingFiresAndRunsInFlightAreNotDelivered() {
        slots.update(List.of(new ScheduledProbe(web, SECOND)));
        slots.fire(SlotKey.of(web, SECOND));

        slots.close();
        executor.runAll();

        assertThat(slots.fire(SlotKey.of(web, SECOND))).isZero();
        assertThat(results).isEmpty();
    }

    private int fireAll(Duration interval) {
        return fireAll(slots, interval);
    }

    static int fireAll(ProbeSlots slots, Duration interval) {
        int started = 0;
        for (int i = 0; i < SlotKey.count(interval); i++) {
            started += slots.fire(new SlotKey(interval, i, SlotKey.count(interval)));
        }
        return started;
    }

    static Check check(CheckResult result) {
        return new Check() {
            @Override
            public CheckResult run(io.jdirectord.check.Deadline deadline) {
                return result;
            }

            @Override
            public Duration timeout() {
                return SECOND;
            }
        };
    }
}
