package io.jdirectord.schedule;

import java.util.Collection;

/**
 * Runs probes periodically and hands every result to a {@link ProbeListener}. Every run is on its own
 * virtual thread, so probes never wait for one another until as many run at once as the heap holds
 * ({@code ProbeAdmission}: then they wait to start); a probe never overlaps itself (a run that
 * outlasts its interval makes the next ones skip, logged as an overrun, never queue); first runs are
 * spread over the first interval, and at most so many new probes are in their first run at once (the next
 * start as earlier ones report).
 */
public interface ProbeScheduler extends AutoCloseable {

    /**
     * Builds the checks of the probes in {@code probes} that are not scheduled yet, changing nothing:
     * the first half of a start or reload, done before anything else is touched.
     *
     * @throws ProbeSetupException when a probe's check cannot be built, naming that probe
     */
    PreparedProbes prepare(Collection<ScheduledProbe> probes);

    /**
     * Makes the scheduler run exactly the prepared probes from now on (at start and on every reload).
     * Probes already scheduled keep their phase, their check and their in-flight run; new ones start
     * at their phase as first-run places free up, with the checks prepared for them; removed ones stop (a run in flight still
     * reports). Call it with what {@link #prepare} returned, on the same thread, with no other schedule
     * in between.
     */
    void schedule(PreparedProbes probes);

    /**
     * {@link #prepare} and {@link #schedule(PreparedProbes)} in one call.
     *
     * @throws ProbeSetupException when a probe's check cannot be built; nothing is changed then
     */
    default void schedule(Collection<ScheduledProbe> probes) {
        schedule(prepare(probes));
    }

    /** Stops scheduling; runs in flight finish but their results are no longer delivered. */
    @Override
    void close();
}
