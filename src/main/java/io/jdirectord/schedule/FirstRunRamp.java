package io.jdirectord.schedule;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.ProbeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds how many new probes are in their first run at once: a probe's first run takes a place, and its
 * first result gives the place back and opens one more, from {@code initial} places up to {@code limit}.
 * A start or a reload that adds 10,000 real servers therefore reaches its full rate as fast as first runs
 * complete: a cold JVM, whose first runs are slow, starts few at a time and is never flooded, and a warm
 * one is not held back. A probe refused a place tries again at its slot's next fire. The ramp sees only
 * that a first run started and that its result came, not how the probe runs. Thread-safe.
 */
final class FirstRunRamp {

    /**
     * First runs in flight at most, shipped: about 10 MB of probes (10 KiB each, see {@link ProbeAdmission}).
     * At N = 10,000 on a busy 2-core machine, fixed at 500 the ramp was slower than at 1,000, and 2,000 was no
     * quicker (src/doc/performance.md).
     */
    static final int IN_FLIGHT = 1_000;

    /**
     * Places at first, shipped: a tenth of {@link #IN_FLIGHT}. With all 1,000 from the first fire, 1,000 first
     * runs met the cold JVM within 50 ms and hundreds of checks timed out; growing from 100, none did.
     */
    static final int INITIAL = IN_FLIGHT / 10;

    private final int initial;
    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger results = new AtomicInteger();

    /** The shipped ramp: {@link #INITIAL} places, up to {@link #IN_FLIGHT}. */
    FirstRunRamp() {
        this(INITIAL, IN_FLIGHT);
    }

    /**
     * @param initial places before any first result has come
     * @param limit   places at most
     */
    FirstRunRamp(int initial, int limit) {
        if (initial < 1 || limit < initial) {
            throw new IllegalArgumentException("places: " + initial + " growing to " + limit);
        }
        this.initial = initial;
        this.limit = limit;
    }

    /** How many first runs are in flight. */
    int inFlight() {
        return inFlight.get();
    }

    /** The gate of one new probe: it passes every result on to {@code listener}. */
    Gate gate(ProbeListener listener) {
        return new Gate(this, listener);
    }

    /** Places now: {@code initial}, one more for each first result so far, at most {@code limit}. */
    int places() {
        return (int) Math.min(limit, (long) initial + results.get());
    }

    private boolean take() {
        int now;
        do {
            now = inFlight.get();
            if (now >= places()) {
                return false;
            }
        } while (!inFlight.compareAndSet(now, now + 1));
        return true;
    }

    private void giveBack() {
        inFlight.decrementAndGet();
    }

    private void resulted() {
        if (results.get() < limit) {
            results.incrementAndGet();
        }
        giveBack();
    }

    /**
     * One probe's way through the ramp: its runs start only once its first run has had a place, and its
     * first result (whatever it says) gives the place back. Listens to the probe's results on the way to
     * the real listener.
     */
    static final class Gate implements ProbeListener {

        private static final int WAITING = 0;
        private static final int FIRST_RUN = 1;
        private static final int THROUGH = 2;

        private final FirstRunRamp ramp;
        private final ProbeListener listener;
        private final AtomicInteger state = new AtomicInteger(WAITING);

        private Gate(FirstRunRamp ramp, ProbeListener listener) {
            this.ramp = ramp;
            this.listener = listener;
        }

        /**
         * Fires {@code runner} (due at {@code scheduled}) once its first run has had a place; while it waits,
         * takes a place if one is free. Returns whether a run started.
         */
        boolean fire(ProbeRunner runner, Instant scheduled) {
            if (state.get() != WAITING) {
                return runner.fire(scheduled);
            }
            if (!ramp.take()) {
                return false;
            }
            if (!state.compareAndSet(WAITING, FIRST_RUN)) {
                ramp.giveBack();
                return runner.fire(scheduled);
            }
            boolean started = runner.fire(scheduled);
            if (!started && state.compareAndSet(FIRST_RUN, WAITING)) {
                ramp.giveBack();
            }
            return started;
        }

        @Override
        public void onResult(ProbeSpec probe, CheckResult result, Instant finished) {
            onResult(probe, result, finished, Duration.ZERO);
        }

        @Override
        public void onResult(ProbeSpec probe, CheckResult result, Instant finished, Duration startLag) {
            if (state.get() == FIRST_RUN && state.compareAndSet(FIRST_RUN, THROUGH)) {
                ramp.resulted();
            }
            listener.onResult(probe, result, finished, startLag);
        }
    }
}
