package io.jdirectord.health;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Something a {@link HealthState} reports after a result or a forced change: values only, the state
 * never logs. Each names the key it concerns and the instant it was decided at (the {@code now} given to
 * the state).
 */
public sealed interface HealthEvent {

    HealthKey key();

    Instant at();

    /** Whether the event can change the desired table (a status or dynamic weight change): reconcile. */
    default boolean changesTable() {
        return this instanceof Transition || this instanceof WeightChange;
    }

    /** Why a status changed. */
    enum Cause {
        /** a check result (including the first one, which resolves UNKNOWN) */
        CHECK,
        /** the maintenance directory named the server, or stopped naming a checktype=on server */
        MAINTENANCE
    }

    /**
     * The status changed.
     *
     * @param reason  the check's reason ("HTTP 503"), or "Server in maintenance"
     * @param elapsed how long the probe that decided it took; zero for maintenance
     * @param lasted  how long the previous status had lasted
     */
    record Transition(
            HealthKey key,
            HealthStatus from,
            HealthStatus to,
            Cause cause,
            String reason,
            Duration elapsed,
            Duration lasted,
            Instant at)
            implements HealthEvent {}

    /**
     * An up server failed but fewer than failurecount times in a row (ldirectord's
     * "Soft failure ... failure n/N"): it stays up.
     *
     * @param failures     consecutive failures so far (n), 1 ≤ n &lt; failureCount
     * @param failureCount the threshold (N)
     */
    record SoftFailure(HealthKey key, int failures, int failureCount, String reason, Instant at)
            implements HealthEvent {}

    /**
     * An up server that had soft failures passed again (ldirectord's "Resetting soft failure count").
     *
     * @param failures the consecutive failures that were forgiven
     */
    record SoftFailureReset(HealthKey key, int failures, Instant at) implements HealthEvent {}

    /**
     * A down server passed but fewer than risecount times in a row: it stays down.
     *
     * @param successes consecutive successes so far, 1 ≤ successes &lt; riseCount
     */
    record SoftRise(HealthKey key, int successes, int riseCount, String reason, Instant at) implements HealthEvent {}

    /**
     * A dynamic-weight check reported a different weight for an up server; empty means "the configured
     * weight" (the check stopped reporting one).
     */
    record WeightChange(HealthKey key, OptionalInt from, OptionalInt to, Instant at) implements HealthEvent {}
}
