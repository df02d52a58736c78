package io.jdirectord.engine;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigMessage;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.decision.FailsafeHold;
import io.jdirectord.decision.Steering;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.ReconcileReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link Monitor} tells its reporter as it works: the failure log, monitor files, alerts and
 * metrics are built from these events alone, and nothing a listener does changes the monitor. Called
 * from probe threads, the table keeper's thread and the control thread at once: implementations are
 * thread-safe, return quickly and never throw.
 */
public interface MonitorEvents {

    /** {@code running} was put in force (start and every successful reload) and its probes scheduled. */
    void configApplied(Running running);

    /**
     * A probe returned; {@code finished} is when, by the scheduler's clock, and {@code startLag} how long
     * after its slot the scheduler started the run.
     */
    void probeResult(Running running, ProbeSpec probe, CheckResult result, Instant finished, Duration startLag);

    /** What health made of a result, a reconfiguration or a maintenance change; never empty. */
    void healthEvents(List<HealthEvent> events, Running running);

    /**
     * A reconcile pass ended; {@code cause} is check, configure, repair or stop; {@code transitions} are
     * the status changes the pass applied, in the order they happened.
     */
    void tablePass(String cause, Running running, List<HealthEvent.Transition> transitions, ReconcileReport report);

    /** A reconcile pass could not list the table; nothing was changed. */
    void tableUnreadable(String cause, IpvsException error);

    /** Every probe of {@code running} has reported once and the table reflects it. */
    void firstRoundApplied(Running running);

    /**
     * A kernel-wide setting (sync daemon, timeouts), as the ipvsadm command it stands for, was applied,
     * only logged (dry run) or failed ({@code error} then, else null).
     */
    void kernelSetting(String command, String result, @Nullable String error);

    /** A reload read a valid file that has these warnings; they are logged before it is applied. */
    void configWarnings(List<ConfigMessage> warnings);

    /** A reload put {@code config} in force. */
    void reloaded(String trigger, Config config);

    /** A reload found errors in the file; the previous configuration keeps running, unchanged. */
    void reloadRejected(String trigger, List<ConfigMessage> errors);

    /** A reload could not read the file or the table; the previous configuration keeps running. */
    void reloadFailed(String trigger, String error);

    /**
     * Real servers began to ramp up ({@code slowstart}) after coming back up. The end of a ramp is not
     * reported (it is the weight reaching its full value in the table).
     */
    default void slowStartBegan(Running running, List<Steering.RealRef> reals) {}

    /** A load agent's state, share or reachability changed (once per change, not per answer). */
    default void agentChanged(Running running, AgentChange change) {}

    /**
     * An operator's command ({@code request}, as typed) from {@code requester} was carried out or refused
     * ({@code answer.ok()} false, nothing changed).
     */
    void control(String request, String requester, ControlAnswer answer);

    /** A drain ended in a table pass: the real server goes out of the table. */
    void drainEnded(Running running, DrainEnd end);

    /**
     * A reload removed these real servers while their services' draintime was set: they drain (weight 0,
     * no longer checked) instead of leaving the table at once, and their drains end as {@link #drainEnded}.
     */
    default void drainBegan(Running running, List<RemovedDrain> began) {}

    /** A reload configured these draining real servers again: their drains are cancelled, their new settings rule. */
    default void drainCancelled(Running running, List<RealRef> cancelled) {}

    /** Run-time controls were dropped because their real servers are no longer configured ({@code why}). */
    void controlsDropped(List<RealRef> dropped, String why);

    /** Something that should never fail did; the monitor carries on. */
    void internalError(String where, Exception error);

    /**
     * The failsafe holds {@code virtual}'s listed real servers: newly, or with other counts than at the
     * last pass. Once per change, not per pass.
     */
    default void failsafeHolds(Running running, VirtualServiceKey virtual, FailsafeHold hold) {}

    /** The failsafe of {@code virtual} let go: the change is within its percentage again, or a reload ended it. */
    default void failsafeReleased(Running running, VirtualServiceKey virtual) {}

    /**
     * A failed probe result that does not count: its run lost more than half its timeout to the monitor's own
     * lateness or stall ({@link ProbeLag}); health is unchanged. Called per result: rate-limit what is logged.
     */
    default void probeInconclusive(Running running, ProbeSpec probe, CheckResult result, ProbeLag lag) {}

    /** The monitor stood still for {@code stalled} ({@link StallWatch}); called from the watch's thread. */
    default void monitorStalled(Duration stalled) {}
}
