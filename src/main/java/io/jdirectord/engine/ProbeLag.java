package io.jdirectord.engine;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.CheckSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a failed probe is a verdict on the real server or on the monitor: pure. A probe's run lost the
 * time it started late (its start lag) plus the time the monitor stood still while it ran
 * ({@link StallWatch#stalledWithin}), both given as values. A failed result that lost more than half the probe's shorter timeout
 * (checktimeout, negotiatetimeout) is inconclusive: it does not count toward failurecount. A passed result
 * always counts.
 *
 * @param cause     {@code late-start} when the start lag alone is over the limit, else {@code stall}
 * @param startLag  how long after its scheduled time the run started
 * @param stalled   how long the monitor stood still during the run
 */
public record ProbeLag(String cause, Duration startLag, Duration stalled) {

    /** The lag of a result that is inconclusive; empty when the result counts. */
    static Optional<ProbeLag> inconclusive(CheckSpec check, CheckResult result, Duration startLag, Duration stalled) {
        if (result.up()) {
            return Optional.empty();
        }
        Duration limit = limit(check);
        if (startLag.plus(stalled).compareTo(limit) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ProbeLag(startLag.compareTo(limit) > 0 ? "late-start" : "stall", startLag, stalled));
    }

    /** Half the shorter of the check's two timeouts. */
    static Duration limit(CheckSpec check) {
        Duration shorter = check.checkTimeout().compareTo(check.negotiateTimeout()) <= 0
                ? check.checkTimeout()
                : check.negotiateTimeout();
        return shorter.dividedBy(2);
    }
}
