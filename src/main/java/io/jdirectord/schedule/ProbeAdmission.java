package io.jdirectord.schedule;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts probe runs on virtual threads, at most {@code limit} at once; a run beyond the limit waits in line
 * (first come, first started) and starts on the thread of a run that ends. A waiting run costs a queue
 * entry, while a started one holds its thread's stack, its socket and its buffers (about 10 KiB) until it
 * ends: when thousands of servers answer slowly, or the machine is too busy for the monitor to keep up,
 * the limit is what keeps the heap bounded. The wait is not start lag ({@link ProbeRunner}): the probe's
 * own deadline starts when it starts, so its result is a verdict like any other. Probes on the probe loop
 * ({@code LoopCheck}) hold no thread and do not pass here. Entering the congested state is logged once,
 * and leaving it (when no run waits and fewer than half the limit run) too. Thread-safe.
 */
final class ProbeAdmission implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeAdmission.class);
    /**
     * Heap a started probe holds at most, measured: an HTTP probe waiting for its response keeps about
     * 7 KiB of frozen stack and 2 KiB of buffers and sockets (class histograms at 10,000 servers).
     */
    static final long BYTES_PER_PROBE = 10 * 1024;
    /** Never fewer probes at once than this, however small the heap. */
    static final int MIN_LIMIT = 256;

    private final Executor threads;
    private final int limit;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int running;
    private boolean congested;

    /** @param threads starts each thread of runs (in production a new virtual thread) */
    ProbeAdmission(Executor threads, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit < 1: " + limit);
        }
        this.threads = threads;
        this.limit = limit;
    }

    /** Virtual threads, as many at once as three fifths of the heap's old generation hold. */
    static ProbeAdmission forThisJvm() {
        ThreadFactory probeThreads = Thread.ofVirtual().name("probe").factory();
        return new ProbeAdmission(run -> probeThreads.newThread(run).start(), limitFor(oldGenerationBytes()));
    }

    /**
     * Three fifths of {@code oldGenerationBytes} worth of started probes, at least {@link #MIN_LIMIT}: a probe
     * that waits long enough to matter outlives young collections, so the old generation must hold them
     * beside the configuration and the health states.
     */
    static int limitFor(long oldGenerationBytes) {
        return (int) Math.max(MIN_LIMIT, Math.min(Integer.MAX_VALUE, oldGenerationBytes / 5 * 3 / BYTES_PER_PROBE));
    }

    /**
     * The most the heap's old generation may grow to (the serial collector's tenured generation: -Xmx less
     * the young generation); half the heap when the collector names no such pool.
     */
    static long oldGenerationBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .filter(pool ->
                        pool.getName().contains("Tenured") || pool.getName().contains("Old"))
                .mapToLong(pool -> pool.getUsage().getMax())
                .filter(max -> max > 0)
                .findFirst()
                .orElse(Runtime.getRuntime().maxMemory() / 2);
    }

    int limit() {
        return limit;
    }

    /** Starts {@code run} now if fewer than the limit are running, else queues it. */
    @Override
    public void execute(Runnable run) {
        lock.lock();
        try {
            if (running >= limit) {
                waiting.add(run);
                noteCongested();
                return;
            }
            running++;
        } finally {
            lock.unlock();
        }
        try {
            threads.execute(() -> runThenNext(run));
        } catch (RuntimeException | Error e) {
            finished();
            throw e;
        }
    }

    /** How many runs wait to start. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code first}, then waiting runs until none waits; its place is given back however a run ends. */
    private void runThenNext(Runnable first) {
        Runnable run = first;
        while (run != null) {
            try {
                run.run();
            } catch (RuntimeException e) {
                LOG.error("probe run failed", e);
            } catch (Error e) {
                finished().ifPresent(next -> threads.execute(() -> runThenNext(next)));
                throw e;
            }
            run = finished().orElse(null);
        }
    }

    /** The next waiting run for the calling thread, or none (and one fewer running). */
    private Optional<Runnable> finished() {
        lock.lock();
        try {
            Runnable next = waiting.poll();
            if (next == null) {
                running--;
                if (running < limit / 2) {
                    noteClear();
                }
            }
            return Optional.ofNullable(next);
        } finally {
            lock.unlock();
        }
    }

    private void noteCongested() {
        if (!congested) {
            congested = true;
            LOG.warn(
                    "{} probes are running, the most at once for this heap: further probes wait to start"
                            + " (a larger -Xmx raises the limit)",
                    limit);
        }
    }

    private void noteClear() {
        if (congested) {
            congested = false;
            LOG.info("no probe waits to start any more");
        }
    }
}
