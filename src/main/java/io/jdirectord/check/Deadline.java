package io.jdirectord.check;

import java.time.Duration;

/**
 * An absolute point on the {@link System#nanoTime()} scale by which a probe must finish.
 *
 * @param nanoTime the deadline in {@code System.nanoTime()} units
 */
public record Deadline(long nanoTime) {

    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }

    /** Time left in whole milliseconds, at least 1 (0 means "infinite" to most socket APIs). */
    public int remainingMillis() {
        long ms = remaining().toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    public boolean expired() {
        return System.nanoTime() - nanoTime >= 0;
    }
}
