package io.jdirectord.engine;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.schedule.ScheduledProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the {@link Monitor} and its {@link TableKeeper} know about their own state, kept to judge the
 * {@link DirectorHealth}: whether a first round of checks has reached the table since start, how many
 * table passes and repair passes in a row failed, and when the last probe result arrived against how
 * often results are due. Times come from the monitor's clock. Thread-safe.
 */
final class DirectorHealthFacts {

    /** Table passes in a row that failed (an operation refused, or the table unreadable) before health turns bad. */
    static final int FAILED_PASSES = 3;
    /** Repair passes in a row that failed before health turns bad. */
    static final int FAILED_REPAIRS = 2;

    private boolean configured;
    private boolean firstRoundReached;
    private boolean firstRoundApplied;
    private boolean lastPassFailed;
    private int failedPasses;
    private int failedRepairs;
    private String lastFailure = "";
    private Instant lastProgress = Instant.EPOCH;
    private Duration stallWindow = Duration.ZERO;

    /** A configuration with {@code probes} was put in force at {@code at}: counts as progress. */
    synchronized void configured(List<ScheduledProbe> probes, Instant at) {
        configured = true;
        lastProgress = at;
        stallWindow = probes.stream()
                .map(probe -> probe.interval().plus(longestRun(probe.spec().check())))
                .min(Duration::compareTo)
                .map(cycle -> cycle.multipliedBy(2))
                .orElse(Duration.ZERO);
    }

    synchronized void probeResult(Instant at) {
        if (at.isAfter(lastProgress)) {
            lastProgress = at;
        }
    }

    /** The first round of checks is complete and the pass after it has ended. */
    synchronized void firstRoundComplete() {
        firstRoundReached = true;
        firstRoundApplied |= !lastPassFailed;
    }

    /** A table pass ended; {@code failure} describes what failed, empty when nothing did. */
    synchronized void passEnded(String cause, String failure) {
        lastPassFailed = !failure.isEmpty();
        if (lastPassFailed) {
            failedPasses++;
            failedRepairs += "repair".equals(cause) ? 1 : 0;
            lastFailure = failure;
            return;
        }
        failedPasses = 0;
        failedRepairs = "repair".equals(cause) ? 0 : failedRepairs;
        firstRoundApplied |= firstRoundReached;
    }

    /** The health at {@code now}, with {@code servicesLost} virtual services that have no real server up. */
    synchronized DirectorHealth assess(Instant now, int servicesLost) {
        if (!configured) {
            return DirectorHealth.unhealthy("starting: no configuration in force yet");
        }
        if (failedRepairs >= FAILED_REPAIRS) {
            return DirectorHealth.unhealthy("drift cannot be repaired: " + failedRepairs
                    + " repair passes in a row failed (" + lastFailure + ")");
        }
        if (failedPasses >= FAILED_PASSES) {
            return DirectorHealth.unhealthy(
                    "table changes keep failing: " + failedPasses + " passes in a row failed (" + lastFailure + ")");
        }
        if (!firstRoundApplied) {
            return DirectorHealth.unhealthy("starting: the first round of checks has not reached the table yet");
        }
        Duration quiet = Duration.between(lastProgress, now);
        if (!stallWindow.isZero() && quiet.compareTo(stallWindow) > 0) {
            return DirectorHealth.unhealthy("probing stalled: no check result for " + quiet.toSeconds()
                    + " s (expected within " + stallWindow.toSeconds() + " s)");
        }
        return new DirectorHealth(
                true,
                servicesLost == 0
                        ? "every virtual service has a real server up"
                        : servicesLost + (servicesLost == 1 ? " virtual service has" : " virtual services have")
                                + " no real server up",
                servicesLost);
    }

    /** An upper bound on one run: the longer of checktimeout and negotiatetimeout, for each of checkcount attempts. */
    static Duration longestRun(CheckSpec check) {
        Duration longer = check.checkTimeout().compareTo(check.negotiateTimeout()) >= 0
                ? check.checkTimeout()
                : check.negotiateTimeout();
        return longer.multipliedBy(Math.max(1, check.checkCount()));
    }
}
