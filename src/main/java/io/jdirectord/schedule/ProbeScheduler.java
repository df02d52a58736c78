package io.jdirectord.schedule;

import java.util.Collection;

/**
 * Runs probes periodically and hands every result to a {@link ProbeListener}. Every run is on its own
 * virtual thread, so probes never wait for one another; a probe never overlaps itself (a run that
 * outlasts its interval makes the next ones skip, logged as an overrun, never queue); first runs are
 * spread over the first interval.
 */
public interface ProbeScheduler extends AutoCloseable {

    /**
     * Makes the scheduler run exactly {@code probes} from now on (at start and on every reload). Probes
     * already scheduled keep their phase, their check and their in-flight run; new ones start within one
     * interval; removed ones stop (a run in flight still reports).
     *
     * @throws IllegalArgumentException when a probe's check cannot be built; nothing is changed then
     */
    void schedule(Collection<ScheduledProbe> probes);

    /** Stops scheduling; runs in flight finish but their results are no longer delivered. */
    @Override
    void close();
}
