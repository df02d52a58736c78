package io.jdirectord.schedule;

import io.jdirectord.check.CheckRunner;
import java.time.InstantSource;
import java.util.concurrent.Executor;

/**
 * What every probe run uses.
 *
 * @param executor starts each run; in production on virtual threads, as many at once as the heap holds
 * @param runner   runs a check under its deadline
 * @param listener receives the results
 * @param clock    stamps results and places first runs
 * @param overruns logs the probes that overrun their interval
 */
record ProbeEnvironment(
        Executor executor, CheckRunner runner, ProbeListener listener, InstantSource clock, OverrunLog overruns) {

    /** With an overrun log of its own on {@code clock}. */
    ProbeEnvironment(Executor executor, CheckRunner runner, ProbeListener listener, InstantSource clock) {
        this(executor, runner, listener, clock, new OverrunLog(clock));
    }

    /**
     * Virtual threads, as many runs at once as the JVM's heap holds ({@link ProbeAdmission}), the check
     * runner, the system clock.
     */
    static ProbeEnvironment virtualThreads(ProbeListener listener) {
        ProbeAdmission admission = ProbeAdmission.forThisJvm();
        return new ProbeEnvironment(admission, new CheckRunner(), listener, InstantSource.system());
    }
}
