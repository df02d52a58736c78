package io.jdirectord.schedule;

import io.jdirectord.check.Check;
import io.jdirectord.check.CheckResult;
import io.jdirectord.check.LoopCheck;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.health.ProbeLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one probe when its slot fires, at most one run at a time: a fire that finds the previous run
 * still going is skipped, never queued. A probe that starts overrunning is logged once at WARN (a dead
 * host whose timeout exceeds the interval overruns on every run: one line, not one per run), and once at
 * INFO when a run fits its interval again, both through the shared {@link OverrunLog} (a few lines a
 * minute however many probes overrun); each overrun's skipped count is at DEBUG. Thread-safe.
 */
final class ProbeRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeRunner.class);

    private final ProbeSpec spec;
    private final Check check;
    private final ProbeEnvironment environment;
    private final BooleanSupplier open;
    private final String label;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicBoolean overrunning = new AtomicBoolean();
    private final Runnable run = this::run;
    private volatile Duration interval;
    /**
     * How late the slot fired the run in flight (set before it starts, read by it): its start lag. The wait
     * for a place among the running probes ({@link ProbeAdmission}) is not lag: the probe's deadline starts
     * when the probe does, so a result after that wait is as much a verdict as any.
     */
    private volatile Duration firedLate = Duration.ZERO;

    /** @param open whether results are still wanted (false once the scheduler closes) */
    ProbeRunner(ProbeSpec spec, Check check, Duration interval, ProbeEnvironment environment, BooleanSupplier open) {
        this.spec = spec;
        this.check = check;
        this.interval = interval;
        this.environment = environment;
        this.open = open;
        this.label = ProbeLabel.of(spec);
    }

    /** Starts a run due now. */
    boolean fire() {
        return fire(environment.clock().instant());
    }

    /**
     * Starts a run that was due at {@code scheduled} unless one is in flight.
     * Returns whether a run started.
     */
    boolean fire(Instant scheduled) {
        if (!running.compareAndSet(false, true)) {
            skipped.incrementAndGet();
            if (overrunning.compareAndSet(false, true)) {
                environment.overruns().overran(label, interval.toMillis());
            }
            return false;
        }
        Duration late = Duration.between(scheduled, environment.clock().instant());
        firedLate = late.isNegative() ? Duration.ZERO : late;
        if (check instanceof LoopCheck onLoop) {
            Duration startLag = firedLate;
            environment.runner().start(onLoop, spec.check(), result -> ended(result, startLag));
            return true;
        }
        try {
            environment.executor().execute(run);
            return true;
        } catch (RejectedExecutionException e) {
            running.set(false);
            LOG.error("probe of {} could not start: {}", label, e.toString());
            return false;
        }
    }

    private void run() {
        Duration startLag = firedLate;
        @Nullable CheckResult result = null;
        try {
            result = environment.runner().run(check, spec.check());
            deliver(result, startLag);
        } finally {
            release(result);
        }
    }

    /** A run on the probe loop ended with {@code result}. */
    private void ended(CheckResult result, Duration startLag) {
        try {
            deliver(result, startLag);
        } finally {
            release(result);
        }
    }

    /** Lets the next fire start a run; {@code result} is null when the run ended in an error, without one. */
    private void release(@Nullable CheckResult result) {
        int missed = skipped.getAndSet(0);
        running.set(false);
        if (missed > 0 && result != null) {
            LOG.debug(
                    "probe of {} returned after {} ms; {} runs skipped",
                    label,
                    result.elapsed().toMillis(),
                    missed);
        } else if (missed == 0 && overrunning.compareAndSet(true, false)) {
            environment.overruns().recovered(label);
        }
    }

    private void deliver(CheckResult result, Duration startLag) {
        if (!open.getAsBoolean()) {
            return;
        }
        try {
            environment.listener().onResult(spec, result, environment.clock().instant(), startLag);
        } catch (RuntimeException e) {
            LOG.error("result of probe {} was not accepted", label, e);
        }
    }

    void interval(Duration interval) {
        this.interval = interval;
    }
}
