package io.jdirectord.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Notices when the monitor itself stood still (a long GC pause, a starved CPU, a suspended VM): something
 * calls {@link #tick} every {@link #TICK}, and a gap between two ticks longer than {@link #TICK} plus
 * {@link #SLACK} is recorded as a stall. Probe results ask {@link #stalledWithin} how much of their window
 * the monitor lost. Stalls older than {@link #MEMORY} are forgotten. Time comes from the clock given, so
 * tests drive it by hand; {@link #start} runs the ticks on a platform thread in production. Thread-safe.
 */
public final class StallWatch {

    /** How often the watch ticks. */
    public static final Duration TICK = Duration.ofMillis(100);
    /** How much later than {@link #TICK} a tick may come before the gap counts as a stall. */
    public static final Duration SLACK = Duration.ofMillis(200);
    /** How long stalls are remembered: longer than any probe's timeout. */
    static final Duration MEMORY = Duration.ofMinutes(10);

    /** One stall: the monitor stood still from {@code from} to {@code to}. */
    record Stall(Instant from, Instant to) {}

    private final InstantSource clock;
    private final Consumer<Duration> onStall;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Stall> stalls = new ArrayDeque<>();
    private Instant last;
    private Duration total = Duration.ZERO;

    /** @param onStall hears each stall's length as it is recorded, on the ticking thread */
    public StallWatch(InstantSource clock, Consumer<Duration> onStall) {
        this.clock = clock;
        this.onStall = onStall;
        this.last = clock.instant();
    }

    /** One tick: records the gap since the last one as a stall when it is longer than TICK + SLACK. */
    public void tick() {
        Instant now = clock.instant();
        Duration stalled = Duration.ZERO;
        lock.lock();
        try {
            Duration gap = Duration.between(last, now);
            if (gap.compareTo(TICK.plus(SLACK)) > 0) {
                stalled = gap.minus(TICK);
                stalls.addLast(new Stall(last.plus(TICK), now));
                total = total.plus(stalled);
            }
            last = now;
            while (!stalls.isEmpty() && stalls.peekFirst().to().isBefore(now.minus(MEMORY))) {
                stalls.removeFirst();
            }
        } finally {
            lock.unlock();
        }
        if (!stalled.isZero()) {
            onStall.accept(stalled);
        }
    }

    /** How long the monitor stood still between {@code from} and {@code to}, by the stalls recorded so far. */
    public Duration stalledWithin(Instant from, Instant to) {
        lock.lock();
        try {
            Duration sum = Duration.ZERO;
            for (Stall stall : stalls) {
                Instant start = stall.from().isAfter(from) ? stall.from() : from;
                Instant end = stall.to().isBefore(to) ? stall.to() : to;
                if (end.isAfter(start)) {
                    sum = sum.plus(Duration.between(start, end));
                }
            }
            return sum;
        } finally {
            lock.unlock();
        }
    }

    /** How long the monitor has stood still in all, since it was made. */
    public Duration total() {
        lock.lock();
        try {
            return total;
        } finally {
            lock.unlock();
        }
    }

    /** Ticks every {@link #TICK} on a new platform daemon thread until it is interrupted. */
    public Thread start() {
        return Thread.ofPlatform().daemon().name("stall-watch").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(TICK);
                    tick();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
