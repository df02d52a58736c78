package io.jdirectord.daemon.report;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One failure-log line per burst of like events: the first event after a quiet {@link #QUIET} is logged with
 * how many were left unlogged since the last line; the others are only counted. Thread-safe.
 */
final class Burst {

    /** How long after a logged line like events are only counted. */
    static final Duration QUIET = Duration.ofSeconds(10);

    private final ReentrantLock lock = new ReentrantLock();
    private boolean logged;
    private Instant lastLine = Instant.EPOCH;
    private int unlogged;

    /** Whether to log an event at {@code now}: the count of the events left unlogged before it; empty to skip. */
    OptionalInt admit(Instant now) {
        lock.lock();
        try {
            if (logged && Duration.between(lastLine, now).compareTo(QUIET) < 0) {
                unlogged++;
                return OptionalInt.empty();
            }
            int skipped = unlogged;
            unlogged = 0;
            lastLine = now;
            logged = true;
            return OptionalInt.of(skipped);
        } finally {
            lock.unlock();
        }
    }
}
