package io.jdirectord.health;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.CheckType;
import io.jdirectord.health.HealthEvent.Cause;
import io.jdirectord.health.HealthEvent.SoftFailure;
import io.jdirectord.health.HealthEvent.SoftFailureReset;
import io.jdirectord.health.HealthEvent.SoftRise;
import io.jdirectord.health.HealthEvent.Transition;
import io.jdirectord.health.HealthEvent.WeightChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The health of one {@link HealthKey}: consecutive failure and success counts and the resulting status.
 * Pure: no clock, no I/O, no logging; every change is returned as {@link HealthEvent} values. Not
 * thread-safe: one owner at a time ({@link HealthRegistry} serialises access).
 *
 * <pre>
 * status   result   condition                         new status  event
 * UNKNOWN  pass     -                                 UP          Transition
 * UNKNOWN  fail     -                                 DOWN        Transition
 * UP       pass     had n soft failures (n &gt; 0)        UP          SoftFailureReset(n)
 * UP       fail     failures &lt; failurecount           UP          SoftFailure(n/N)
 * UP       fail     failures = failurecount           DOWN        Transition
 * DOWN     pass     successes &lt; risecount             DOWN        SoftRise(n/N)
 * DOWN     pass     successes = risecount             UP          Transition
 * DOWN     fail     -                                 DOWN        -
 * any      maintenance on                             DOWN        Transition unless already DOWN; results ignored
 * DOWN     maintenance off                            DOWN        - (the next result decides, as after any failure)
 * </pre>
 *
 * checktype=on is UP and checktype=off DOWN from creation and ignore results; maintenance still takes an
 * on server down, and its end brings it back up. A pass carrying a weight (dynamic-weight checks) also
 * reports a {@link WeightChange} when it differs from the last one while up.
 */
public final class HealthState {

    private static final String MAINTENANCE = "Server in maintenance";

    private final HealthKey key;
    private HealthStatus status;
    private Instant since;
    private int failures;
    private int successes;
    private OptionalInt weight = OptionalInt.empty();
    private boolean maintenance;

    private HealthState(HealthKey key, HealthStatus status, Instant since) {
        this.key = key;
        this.status = status;
        this.since = since;
    }

    /**
     * The state at start or when a key first appears. checktype=on starts UP and off DOWN; otherwise a
     * server presumed up (found in the table with weight &gt; 0) starts UP with no failures counted, any
     * other UNKNOWN, so that it is neither added nor removed before its first result.
     */
    public static HealthState create(HealthKey key, boolean presumedUp, Instant now) {
        CheckType type = key.probe().check().type();
        if (type == CheckType.ON) {
            return new HealthState(key, HealthStatus.UP, now);
        }
        if (type == CheckType.OFF) {
            return new HealthState(key, HealthStatus.DOWN, now);
        }
        return new HealthState(key, presumedUp ? HealthStatus.UP : HealthStatus.UNKNOWN, now);
    }

    /** Counts one probe result; ignored while forced (checktype on/off) or in maintenance. */
    public List<HealthEvent> record(CheckResult result, Instant now) {
        if (isForced() || maintenance) {
            return List.of();
        }
        return result.up() ? pass(result, now) : fail(result, now);
    }

    private List<HealthEvent> pass(CheckResult result, Instant now) {
        int forgiven = failures;
        failures = 0;
        successes++;
        OptionalInt previousWeight = weight;
        weight = result.weight();
        return switch (status) {
            case UNKNOWN -> List.of(change(HealthStatus.UP, Cause.CHECK, result, now));
            case DOWN ->
                List.of(
                        successes >= key.riseCount()
                                ? change(HealthStatus.UP, Cause.CHECK, result, now)
                                : new SoftRise(key, successes, key.riseCount(), result.reason(), now));
            case UP -> stillUp(forgiven, previousWeight, now);
        };
    }

    /** A pass while up: usually nothing to report (the common result, so no list is built for it). */
    private List<HealthEvent> stillUp(int forgiven, OptionalInt previousWeight, Instant now) {
        boolean weightChanged = !previousWeight.equals(weight);
        if (forgiven == 0 && !weightChanged) {
            return List.of();
        }
        List<HealthEvent> events = new ArrayList<>(2);
        if (forgiven > 0) {
            events.add(new SoftFailureReset(key, forgiven, now));
        }
        if (weightChanged) {
            events.add(new WeightChange(key, previousWeight, weight, now));
        }
        return events;
    }

    private List<HealthEvent> fail(CheckResult result, Instant now) {
        successes = 0;
        failures++;
        return switch (status) {
            case UNKNOWN -> List.of(change(HealthStatus.DOWN, Cause.CHECK, result, now));
            case UP ->
                List.of(
                        failures >= key.failureCount()
                                ? change(HealthStatus.DOWN, Cause.CHECK, result, now)
                                : new SoftFailure(key, failures, key.failureCount(), result.reason(), now));
            case DOWN -> List.of();
        };
    }

    /**
     * Sets whether the maintenance directory names this server. Entering takes it down at once, without
     * soft-failure counting; leaving keeps it down with fresh counts so that the next results decide
     * (checktype=on goes straight back up). Repeating the current setting changes nothing.
     */
    public List<HealthEvent> maintenance(boolean inMaintenance, Instant now) {
        if (inMaintenance == maintenance) {
            return List.of();
        }
        maintenance = inMaintenance;
        failures = 0;
        successes = 0;
        if (inMaintenance) {
            return status == HealthStatus.DOWN ? List.of() : List.of(forced(HealthStatus.DOWN, MAINTENANCE, now));
        }
        if (key.probe().check().type() == CheckType.ON) {
            return List.of(forced(HealthStatus.UP, "maintenance ended", now));
        }
        return List.of();
    }

    private Transition change(HealthStatus to, Cause cause, CheckResult result, Instant now) {
        return transition(to, cause, result.reason(), result.elapsed(), now);
    }

    private Transition forced(HealthStatus to, String reason, Instant now) {
        return transition(to, Cause.MAINTENANCE, reason, Duration.ZERO, now);
    }

    private Transition transition(HealthStatus to, Cause cause, String reason, Duration elapsed, Instant now) {
        Transition transition =
                new Transition(key, status, to, cause, reason, elapsed, Duration.between(since, now), now);
        status = to;
        since = now;
        return transition;
    }

    private boolean isForced() {
        return ProbeLabel.isForced(key.probe().check().type());
    }

    public HealthKey key() {
        return key;
    }

    public HealthStatus status() {
        return status;
    }

    /** When the current status began (creation time for the initial status). */
    public Instant since() {
        return since;
    }

    /** The status and weight as the decision layer sees them. */
    public ProbeHealth view() {
        return new ProbeHealth(status, weight);
    }
}
