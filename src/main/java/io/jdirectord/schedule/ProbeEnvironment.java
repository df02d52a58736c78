package io.jdirectord.schedule;

import io.jdirectord.check.CheckRunner;
import java.time.InstantSource;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

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
        ThreadFactory probeThreads = Thread.ofVirtual().name("probe").factory();
        Executor executor = runnable -> probeThreads.newThread(runnable).start();
        return new ProbeEnvironment(executor, new CheckRunner(), listener, InstantSource.system());
    }
}
