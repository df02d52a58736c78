package io.jdirectord.daemon.report;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigMessage;
import io.jdirectord.config.DaemonStatus;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.daemon.alert.EmailAlerts;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.daemon.log.FileErrors;
import io.jdirectord.daemon.observe.MonitorObserver;
import io.jdirectord.decision.FailsafeHold;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.engine.AgentChange;
import io.jdirectord.engine.AgentHeard;
import io.jdirectord.engine.ControlAnswer;
import io.jdirectord.engine.DrainEnd;
import io.jdirectord.engine.MonitorEvents;
import io.jdirectord.engine.ProbeIndex;
import io.jdirectord.engine.ProbeLag;
import io.jdirectord.engine.RemovedDrain;
import io.jdirectord.engine.Running;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthStatus;
import io.jdirectord.health.ProbeLabel;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.OpResult;
import io.jdirectord.ipvs.ReconcileReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Turns what happens in the monitor into failure-log lines, monitorfile lines and e-mail alerts, and
 * passes it on to the {@link MonitorObserver}s (metrics, systemd). A listener only: it changes nothing
 * in the monitor. Called from probe threads, the table keeper and the control thread; never throws (a
 * failed write is itself reported).
 */
public final class EventReporter implements MonitorEvents {

    /** The longest probe reason, in characters, a {@code -d} probe line shows before an ellipsis. */
    static final int DEBUG_REASON_CHARS = 120;

    private final FailureLog log;
    private final EmailAlerts alerts;
    private final Clock clock;
    private final Map<Path, MonitorFile> monitorFiles = new ConcurrentHashMap<>();
    private final Set<Path> failingMonitorFiles = ConcurrentHashMap.newKeySet();
    private final List<Runnable> firstRoundListeners = new CopyOnWriteArrayList<>();
    private final List<MonitorObserver> observers = new CopyOnWriteArrayList<>();
    private final Map<HealthKey, HealthStatus> health = new ConcurrentHashMap<>();
    private volatile DaemonStatus daemonStatus = DaemonStatus.STARTING;
    private final Burst inconclusive = new Burst();
    private final Burst stalls = new Burst();
    /** The configured real servers of the configuration of the last table pass (table passes only). */
    private volatile ConfiguredDestinations configured;

    public EventReporter(FailureLog log, EmailAlerts alerts, Clock clock) {
        this.log = log;
        this.alerts = alerts;
        this.clock = clock;
    }

    public FailureLog log() {
        return log;
    }

    public void setDaemonStatus(DaemonStatus status) {
        daemonStatus = status;
        tellObservers(observer -> observer.daemonStatus(status));
    }

    /** Adds an observer that hears every event from now on. */
    public void observe(MonitorObserver observer) {
        observers.add(observer);
    }

    private void tellObservers(Consumer<MonitorObserver> event) {
        for (MonitorObserver observer : observers) {
            try {
                event.accept(observer);
            } catch (RuntimeException e) {
                internalError("observer " + observer.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void configApplied(Running running) {
        tellObservers(observer -> observer.configApplied(running.config()));
    }

    /** Runs {@code listener} each time a first round of checks has been applied (start and reloads). */
    public void onFirstRound(Runnable listener) {
        firstRoundListeners.add(listener);
    }

    @Override
    public void probeResult(Running now, ProbeSpec probe, CheckResult result, Instant at, Duration startLag) {
        if (log.debug()) {
            log.debugEvent(
                    "probe",
                    "probe",
                    ProbeLabel.of(probe),
                    "result",
                    result.up() ? "up" : "down",
                    "reason",
                    brief(result.reason()),
                    "elapsed",
                    millis(result.elapsed()));
        }
        tellObservers(observer -> observer.probeResult(probe, result, at, startLag));
        for (ProbeIndex.Use use : now.index().monitorFileUsesOf(probe)) {
            use.virtual().monitorFile().ifPresent(path -> writeMonitorFile(path, probe, use.real(), result, at));
        }
    }

    /**
     * Appends a monitorfile line. A file that cannot be written is logged once when it starts failing
     * ({@code monitorfile-error}) and once when it can be written again ({@code monitorfile-restored}),
     * not on every check.
     */
    private void writeMonitorFile(Path path, ProbeSpec probe, RealServer real, CheckResult result, Instant at) {
        try {
            monitorFiles
                    .computeIfAbsent(path, MonitorFile::new)
                    .record(ZonedDateTime.ofInstant(at, clock.getZone()), probe, real, result.up(), result.reason());
            if (failingMonitorFiles.remove(path)) {
                log.event("monitorfile-restored", "file", path);
            }
        } catch (IOException e) {
            if (failingMonitorFiles.add(path)) {
                log.event("monitorfile-error", "file", path, "error", FileErrors.cause(e));
            }
        }
    }

    @Override
    public void healthEvents(List<HealthEvent> events, Running now) {
        tellObservers(observer -> observer.healthEvents(events));
        for (HealthEvent event : events) {
            switch (event) {
                case HealthEvent.SoftFailure e ->
                    perVirtual(
                            now,
                            e.key(),
                            "soft-failure",
                            "failure",
                            e.failures() + "/" + e.failureCount(),
                            "reason",
                            e.reason());
                case HealthEvent.SoftFailureReset e ->
                    perVirtual(now, e.key(), "soft-failure-reset", "failures", e.failures());
                case HealthEvent.SoftRise e ->
                    perVirtual(
                            now,
                            e.key(),
                            "soft-rise",
                            "success",
                            e.successes() + "/" + e.riseCount(),
                            "reason",
                            e.reason());
                case HealthEvent.WeightChange e ->
                    perVirtual(now, e.key(), "weight", "from", weight(e.from()), "to", weight(e.to()));
                case HealthEvent.Transition e -> health.put(e.key(), e.to()); // logged by tablePass
            }
        }
    }

    private void perVirtual(Running now, HealthKey key, String name, Object... fields) {
        for (VirtualService virtual : now.index().usesOf(key).stream()
                .map(ProbeIndex.Use::virtual)
                .distinct()
                .toList()) {
            Object[] line = new Object[fields.length + 4];
            line[0] = "virtual";
            line[1] = virtual.key().id();
            line[2] = "real";
            line[3] = key.probe().real();
            System.arraycopy(fields, 0, line, 4, fields.length);
            log.event(name, line);
        }
    }

    @Override
    public void tablePass(String cause, Running now, List<HealthEvent.Transition> transitions, ReconcileReport report) {
        tellObservers(observer -> observer.tablePass(cause, report));
        TransitionLines.Unclaimed unclaimed = new TransitionLines.Unclaimed(report.results());
        Map<HealthKey, HealthEvent.Transition> last = new HashMap<>();
        transitions.forEach(transition -> last.put(transition.key(), transition));
        for (HealthEvent.Transition transition : transitions) {
            // A server that changed more than once before this pass: the table shows its last state.
            @SuppressWarnings("ReferenceEquality") // this very transition, not an equal earlier one
            boolean latest = last.get(transition.key()) == transition;
            TransitionLines.log(
                    log, now.index(), transition, latest ? unclaimed : new TransitionLines.Unclaimed(List.of()));
        }
        for (OpResult result : unclaimed.rest()) {
            TransitionLines.logOperation(log, cause, now.config(), result);
        }
        for (OpResult result : report.results()) {
            if (result.outcome() == OpResult.Outcome.APPLIED) {
                alert(now, result);
            }
        }
    }

    @SuppressWarnings("ReferenceEquality") // the very configuration the lookup was built from, not an equal one
    private void alert(Running now, OpResult result) {
        ConfiguredDestinations reals = configured;
        if (reals == null || reals.config() != now.config()) {
            reals = ConfiguredDestinations.of(now.config());
            configured = reals;
        }
        TableChangeText.of(result.op(), now.config(), reals::contains)
                .ifPresent(text -> alerts.tableChanged(
                        text.virtual().emailAlert(),
                        text.virtual().serviceName().orElse(""),
                        text.virtual().comment().orElse(""),
                        daemonStatus,
                        text.realKey().orElse(text.message()),
                        text.message(),
                        text.reminder(),
                        clock.instant()));
    }

    @Override
    public void tableUnreadable(String cause, IpvsException e) {
        log.event("table-error", "cause", cause, "error", e.getMessage());
        tellObservers(observer -> observer.tableUnreadable(cause, e));
    }

    /** The {@code ready} line: how many virtual services and real servers there are, and how many real servers are up. */
    @Override
    public void firstRoundApplied(Running now) {
        int reals = now.config().virtualServices().stream()
                .mapToInt(virtual -> virtual.reals().size())
                .sum();
        int up = health.entrySet().stream()
                .filter(entry -> entry.getValue() == HealthStatus.UP)
                .mapToInt(entry -> now.index().usesOf(entry.getKey()).size())
                .sum();
        log.event(
                "ready",
                "virtuals",
                now.config().virtualServices().size(),
                "reals",
                reals,
                "up",
                up,
                "probes",
                now.index().probes().size());
        firstRoundListeners.forEach(Runnable::run);
    }

    /** One {@code slow-start} line per real server that began to ramp, with the ramp's length. */
    @Override
    public void slowStartBegan(Running now, List<RealRef> reals) {
        for (RealRef ref : reals) {
            long seconds = now.config()
                    .virtualService(ref.virtual())
                    .map(v -> v.shaping().slowStart().toSeconds())
                    .orElse(0L);
            log.event("slow-start", "virtual", ref.virtual().id(), "real", ref.real(), "seconds", seconds);
        }
    }

    /**
     * One {@code agent} line per virtual service the agent steers: its answer and description, or why it
     * cannot be asked (its last answer stays in force).
     */
    @Override
    public void agentChanged(Running now, AgentChange change) {
        AgentHeard heard = change.heard();
        for (RealRef ref : change.reals()) {
            if (heard.failure().isEmpty()) {
                log.event(
                        "agent",
                        "virtual",
                        ref.virtual().id(),
                        "real",
                        ref.real(),
                        "agent",
                        change.agent(),
                        "answer",
                        heard.answer().text(),
                        "description",
                        brief(heard.answer().description()));
            } else {
                log.event(
                        "agent-failure",
                        "virtual",
                        ref.virtual().id(),
                        "real",
                        ref.real(),
                        "agent",
                        change.agent(),
                        "error",
                        brief(heard.failure()),
                        "kept",
                        heard.answer().text());
            }
        }
    }

    /** {@code control request="drain 60 all 10.0.0.1" by="uid 0 (root)" result=ok changed=2 answer=...}. */
    @Override
    public void control(String request, String requester, ControlAnswer answer) {
        log.event(
                "control",
                "request",
                request,
                "by",
                requester,
                "result",
                answer.result(),
                "changed",
                answer.changed(),
                "answer",
                answer.text());
        tellObservers(observer -> observer.control(request, answer));
    }

    @Override
    public void drainEnded(Running now, DrainEnd end) {
        log.event(
                "drained",
                "virtual",
                end.real().virtual().id(),
                "real",
                end.real().real(),
                "connections",
                end.connections(),
                "reason",
                end.outcome());
    }

    /** {@code draining virtual=tcp:192.0.2.10:80 real=10.0.0.3:80 deadline=2026-12-01T08:01:00Z reason="removed by reload"}. */
    @Override
    public void drainBegan(Running now, List<RemovedDrain> began) {
        began.forEach(drain -> log.event(
                "draining",
                "virtual",
                drain.ref().virtual().id(),
                "real",
                drain.ref().real(),
                "deadline",
                drain.deadline(),
                "reason",
                "removed by reload"));
    }

    @Override
    public void drainCancelled(Running now, List<RealRef> cancelled) {
        cancelled.forEach(ref -> log.event(
                "drain-cancelled", "virtual", ref.virtual().id(), "real", ref.real(), "reason", "configured again"));
    }

    @Override
    public void controlsDropped(List<RealRef> dropped, String why) {
        dropped.forEach(
                ref -> log.event("control-dropped", "virtual", ref.virtual().id(), "real", ref.real(), "reason", why));
    }

    @Override
    public void internalError(String where, Exception e) {
        log.event("internal-error", "where", where, "error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    @Override
    public void kernelSetting(String command, String result, String error) {
        if (error == null) {
            log.event("kernel-setting", "op", command, "result", result);
        } else {
            log.event("kernel-setting", "op", command, "result", result, "error", error);
        }
    }

    @Override
    public void configWarnings(List<ConfigMessage> warnings) {
        warnings.forEach(w -> log.event("config-warning", "file", w.file(), "line", w.line(), "message", w.message()));
    }

    @Override
    public void reloaded(String trigger, Config config) {
        log.event(
                "reload",
                "trigger",
                trigger,
                "result",
                "ok",
                "virtuals",
                config.virtualServices().size());
    }

    @Override
    public void reloadRejected(String trigger, List<ConfigMessage> errors) {
        errors.forEach(error ->
                log.event("config-error", "file", error.file(), "line", error.line(), "message", error.message()));
        log.event(
                "reload",
                "trigger",
                trigger,
                "result",
                "rejected",
                "errors",
                errors.size(),
                "kept",
                "previous configuration");
    }

    @Override
    public void reloadFailed(String trigger, String error) {
        log.event("reload", "trigger", trigger, "result", "failed", "error", error, "kept", "previous configuration");
    }

    @Override
    public void failsafeHolds(Running now, VirtualServiceKey virtual, FailsafeHold hold) {
        log.event(
                "failsafe",
                "virtual",
                virtual.id(),
                "state",
                "holding",
                "down",
                hold.down(),
                "judged",
                hold.judged(),
                "percent",
                hold.percent());
        failsafeAlert(now, virtual, "Failsafe holds the table of " + virtual.id() + ": " + hold.describe());
        tellObservers(observer -> observer.failsafe(virtual, true));
    }

    @Override
    public void failsafeReleased(Running now, VirtualServiceKey virtual) {
        log.event("failsafe", "virtual", virtual.id(), "state", "released");
        failsafeAlert(now, virtual, "Failsafe released the table of " + virtual.id());
        tellObservers(observer -> observer.failsafe(virtual, false));
    }

    private void failsafeAlert(Running now, VirtualServiceKey key, String message) {
        now.config()
                .virtualService(key)
                .ifPresent(virtual -> alerts.tableChanged(
                        virtual.emailAlert(),
                        virtual.serviceName().orElse(""),
                        virtual.comment().orElse(""),
                        daemonStatus,
                        key.id(),
                        message,
                        EmailAlerts.Reminder.NONE,
                        clock.instant()));
    }

    /** One {@code probe-inconclusive} line per burst, with how many were not logged before it. */
    @Override
    public void probeInconclusive(Running now, ProbeSpec probe, CheckResult result, ProbeLag lag) {
        tellObservers(observer -> observer.probeInconclusive(lag));
        inconclusive
                .admit(clock.instant())
                .ifPresent(unlogged -> log.event(
                        "probe-inconclusive",
                        "probe",
                        ProbeLabel.of(probe),
                        "cause",
                        lag.cause(),
                        "start-lag",
                        millis(lag.startLag()),
                        "stalled",
                        millis(lag.stalled()),
                        "reason",
                        brief(result.reason()),
                        "unlogged",
                        unlogged));
    }

    /** One {@code monitor-stall} line per burst of stalls. */
    @Override
    public void monitorStalled(Duration stalled) {
        tellObservers(observer -> observer.monitorStalled(stalled));
        stalls.admit(clock.instant())
                .ifPresent(unlogged -> log.event("monitor-stall", "stalled", millis(stalled), "unlogged", unlogged));
    }

    public void sendReminders() {
        alerts.sendDueReminders(daemonStatus, clock.instant());
    }

    /**
     * A probe reason cut to {@link #DEBUG_REASON_CHARS} characters and an ellipsis, for the per-probe debug line
     * that repeats every interval; transitions keep the whole reason.
     */
    static String brief(String reason) {
        return reason.length() <= DEBUG_REASON_CHARS ? reason : reason.substring(0, DEBUG_REASON_CHARS) + "…";
    }

    static String millis(Duration duration) {
        return duration.toMillis() + "ms";
    }

    private static String weight(OptionalInt weight) {
        return weight.isPresent() ? Integer.toString(weight.getAsInt()) : "configured";
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
