package io.jdirectord.engine;

import java.time.Duration;

/**
 * Spaces the table passes that health changes ask for back to back: the next pass starts no sooner after
 * the previous one ended than that pass took (at most {@link #MOST}), and what changes meanwhile rides on
 * it. Passes that follow one another then use at most half of a core. At start, 10,000 first results
 * asked for passes over the whole table back to back, each taking 50 to 100 ms on a cold JVM, and they
 * took three quarters of the daemon's CPU; a change after a quiet spell is passed on at once. Times are
 * in nanoseconds of {@link System#nanoTime}. Not thread-safe: the table keeper's loop owns it.
 */
final class PassPacing {

    /** The longest wait before a pass, however long the previous one took. */
    static final Duration MOST = Duration.ofMillis(200);

    private long lastEnded;
    private long lastTook;

    /** How long to wait at {@code now} before the next pass (0: at once). */
    long waitBefore(long now) {
        long rest = Math.min(lastTook, MOST.toNanos()) - (now - lastEnded);
        return Math.max(0, rest);
    }

    /** Notes a pass that ran from {@code started} to {@code ended}. */
    void passed(long started, long ended) {
        lastEnded = ended;
        lastTook = Math.max(0, ended - started);
    }
}
