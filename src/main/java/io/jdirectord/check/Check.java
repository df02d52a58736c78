package io.jdirectord.check;

/**
 * One kind of health probe aimed at one real server. Implementations are blocking-style code meant to
 * run on a virtual thread: they hold no monitor lock while waiting (no {@code synchronized} around I/O),
 * read at most the spec's maxReceiveBytes, and return by the deadline. They may throw; {@link CheckRunner}
 * turns any exception into a down result.
 */
public interface Check {

    /**
     * Probes once.
     *
     * @param deadline the instant (monotonic) by which the probe must have returned, connect, TLS,
     *                 send and receive included
     * @return up or down with a short human reason; the runner fills in the elapsed time
     */
    CheckResult run(Deadline deadline) throws Exception;

    /** The whole-probe timeout ldirectord applies to this kind (checktimeout or negotiatetimeout). */
    java.time.Duration timeout();
}
