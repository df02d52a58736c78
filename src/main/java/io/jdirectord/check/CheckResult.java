package io.jdirectord.check;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The outcome of one probe.
 *
 * @param up      whether the real server passed
 * @param reason  a short human reason: "HTTP 200", "connect timeout after 2000 ms", "HTTP 503"
 * @param elapsed how long the probe took
 * @param weight  a weight reported by a dynamic-weight check; empty otherwise
 */
public record CheckResult(boolean up, String reason, Duration elapsed, OptionalInt weight) {

    public static CheckResult up(String reason) {
        return new CheckResult(true, reason, Duration.ZERO, OptionalInt.empty());
    }

    public static CheckResult upWithWeight(String reason, int weight) {
        return new CheckResult(true, reason, Duration.ZERO, OptionalInt.of(weight));
    }

    public static CheckResult down(String reason) {
        return new CheckResult(false, reason, Duration.ZERO, OptionalInt.empty());
    }

    /** This result with the elapsed time measured by the runner. */
    public CheckResult withElapsed(Duration measured) {
        return new CheckResult(up, reason, measured, weight);
    }
}
