package io.jdirectord.schedule;

import io.jdirectord.check.CheckRunner;
import java.time.InstantSource;
import java.util.concurrent.Executor;

/**
 * What every probe run uses.
 *
 * @param executor starts each run; in production a new virtual thread per run
 * @param runner   runs a check under its deadline
 * @param listener receives the results
 * @param clock    stamps results and places first runs
 */
record ProbeEnvironment(Executor executor, CheckRunner runner, ProbeListener listener, InstantSource clock) {

    /** A new virtual thread per run, the check runner, the system clock. */
    static ProbeEnvironment virtualThreads(ProbeListener listener) {
        Executor executor = runnable -> Thread.ofVirtual().name("probe").start(runnable);
        return new ProbeEnvironment(executor, new CheckRunner(), listener, InstantSource.system());
    }
}
