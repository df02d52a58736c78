package io.jdirectord.daemon.notify;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.schedule.ScheduledProbe;
import java.time.Duration;
import java.util.List;

/**
 * Whether probing makes progress, the condition for a watchdog ping: a probe result (or a configuration
 * put in force) was seen within the progress window. The window is the watchdog timeout, widened for a
 * configuration whose probes report more rarely than that: the shortest time a healthy scheduler may go
 * without a result of its most frequent probe (its interval plus the longest a run may take). With no
 * probe scheduled there is nothing to wait for: progress always holds. Times are monotonic nanoseconds.
 * Thread-safe.
 */
final class ProbeProgress {

    private final long watchdogNanos;
    private volatile long lastNanos;
    private volatile long windowNanos;
    private volatile boolean probing;

    ProbeProgress(Duration watchdog, long now) {
        this.watchdogNanos = watchdog.toNanos();
        this.windowNanos = watchdogNanos;
        this.lastNanos = now;
    }

    /** A configuration with {@code probes} was put in force at {@code now}: counts as progress. */
    void configured(List<ScheduledProbe> probes, long now) {
        long quietest = probes.stream()
                .mapToLong(probe ->
                        probe.interval().plus(longestRun(probe.spec().check())).toNanos())
                .min()
                .orElse(0);
        windowNanos = Math.max(watchdogNanos, quietest);
        probing = !probes.isEmpty();
        lastNanos = now;
    }

    void resultAt(long now) {
        lastNanos = now;
    }

    /** Whether progress was seen within the window before {@code now}. */
    boolean madeProgress(long now) {
        return !probing || now - lastNanos <= windowNanos;
    }

    /** An upper bound on one run: the longer of checktimeout and negotiatetimeout, for each of checkcount attempts. */
    static Duration longestRun(CheckSpec check) {
        Duration longer = check.checkTimeout().compareTo(check.negotiateTimeout()) >= 0
                ? check.checkTimeout()
                : check.negotiateTimeout();
        return longer.multipliedBy(Math.max(1, check.checkCount()));
    }
}
