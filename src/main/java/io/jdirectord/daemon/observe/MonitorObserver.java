package io.jdirectord.daemon.observe;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Config;
import io.jdirectord.config.DaemonStatus;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.engine.ControlAnswer;
import io.jdirectord.engine.ProbeLag;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.ReconcileReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the running monitor tells its add-ons (systemd notification, metrics) beside the failure log.
 * Called from probe threads, the table keeper and the control thread at once: implementations are
 * thread-safe and return quickly. Each method ignores the event unless overridden.
 */
public interface MonitorObserver {

    /** A configuration was put in force (start and every successful reload) and its probes scheduled. */
    default void configApplied(Config config) {}

    /**
     * A probe returned; {@code finished} is when, by the scheduler's clock, and {@code startLag} how long
     * after its slot the scheduler started the run (zero when on time).
     */
    default void probeResult(ProbeSpec probe, CheckResult result, Instant finished, Duration startLag) {}

    /** What health made of a result or a maintenance change. */
    default void healthEvents(List<HealthEvent> events) {}

    /** A reconcile pass ended; {@code cause} is check, configure, repair or stop. */
    default void tablePass(String cause, ReconcileReport report) {}

    /** A reconcile pass could not list the table. */
    default void tableUnreadable(String cause, IpvsException error) {}

    /** An operator's command was answered ({@code request} as typed; {@code answer.ok()} false when refused). */
    default void control(String request, ControlAnswer answer) {}

    /** The daemon's life cycle moved on: starting, running, reloading, stopping. */
    default void daemonStatus(DaemonStatus status) {}

    /** The failsafe began ({@code active}) or stopped holding the table of {@code virtual}. */
    default void failsafe(VirtualServiceKey virtual, boolean active) {}

    /** A failed probe result did not count: the monitor's own lateness or stall ate its time. */
    default void probeInconclusive(ProbeLag lag) {}

    /** The monitor stood still for {@code stalled}. */
    default void monitorStalled(Duration stalled) {}
}
