package io.jdirectord.check;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a resource when a deadline passes, so that a blocked read or write fails at once: per-read
 * socket timeouts alone cannot stop a server that trickles one byte per second. Use with
 * try-with-resources around the whole probe; {@link #fired()} tells whether the deadline cut it off.
 */
public final class DeadlineGuard implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = timer();

    private final ScheduledFuture<?> task;
    private final AtomicBoolean fired = new AtomicBoolean();

    private DeadlineGuard(Deadline deadline, Closeable resource) {
        long delay = Math.max(0, deadline.remaining().toNanos());
        this.task = TIMER.schedule(() -> fire(resource), delay, TimeUnit.NANOSECONDS);
    }

    /**
     * One platform thread for every guard. A disarmed guard leaves the queue at once: otherwise each
     * finished probe's sockets would stay reachable until its deadline (10,000 probes a second with a
     * 2 s timeout would keep 20,000 of them).
     */
    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "check-deadline-guard");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Arms a guard that closes {@code resource} at {@code deadline} unless closed first. */
    public static DeadlineGuard arm(Deadline deadline, Closeable resource) {
        return new DeadlineGuard(deadline, resource);
    }

    private void fire(Closeable resource) {
        fired.set(true);
        try {
            resource.close();
        } catch (IOException | RuntimeException ignored) {
            // The probe sees the closed resource and reports the deadline; nothing else to do here.
        }
    }

    /** Whether the deadline passed and the resource was closed by this guard. */
    public boolean fired() {
        return fired.get();
    }

    /** Disarms the guard; the resource is left as it is. */
    @Override
    public void close() {
        task.cancel(false);
    }
}
