package io.jdirectord.schedule;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.ProbeSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * Receives every probe result. Called on the probe's own virtual thread, concurrently for different
 * probes (never concurrently for one probe): implementations must be thread-safe and should return
 * quickly (feed {@code HealthRegistry}, signal the reconcile loop). An exception is logged and dropped.
 */
@FunctionalInterface
public interface ProbeListener {

    /**
     * @param probe    what was probed
     * @param result   the result, its elapsed time measured by the check runner
     * @param finished when the probe returned, from the scheduler's clock
     */
    void onResult(ProbeSpec probe, CheckResult result, Instant finished);

    /**
     * A result with how late its run started: the scheduler calls this one. By default the lag is dropped.
     *
     * @param startLag how long after its scheduled time the run's slot fired (zero when unknown); a wait for a
     *                 place among the running probes is not part of it (the probe's deadline starts with the probe)
     */
    default void onResult(ProbeSpec probe, CheckResult result, Instant finished, Duration startLag) {
        onResult(probe, result, finished);
    }
}
