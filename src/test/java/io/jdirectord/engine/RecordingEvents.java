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
import io.jdirectord.ipvs.OpResult;
import io.jdirectord.ipvs.ReconcileReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link MonitorEvents} kept as short lines a scenario can assert on: {@code down 10.0.0.1:80},
 * {@code pass repair: ipvsadm -a ...}, {@code reload rejected: ...}. Probe results and soft failures
 * are left out (the table shows what they did). Thread-safe.
 */
final class RecordingEvents implements MonitorEvents {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void configApplied(Running running) {
        lines.add("config applied: " + running.config().virtualServices().size() + " virtual services");
    }

    @Override
    public void probeResult(
            Running running, ProbeSpec probe, CheckResult result, Instant finished, Duration startLag) {}

    @Override
    public void healthEvents(List<HealthEvent> events, Running running) {}

    @Override
    public void tablePass(
            String cause, Running running, List<HealthEvent.Transition> transitions, ReconcileReport report) {
        for (HealthEvent.Transition transition : transitions) {
            lines.add(transition.to().name().toLowerCase(Locale.ROOT) + " "
                    + transition.key().probe().real());
        }
        List<String> ops = new ArrayList<>();
        for (OpResult result : report.results()) {
            ops.add(result.op().toIpvsadm()
                    + (result.outcome() == OpResult.Outcome.APPLIED ? "" : " (" + result.outcome() + ")"));
        }
        if (!ops.isEmpty()) {
            lines.add("pass " + cause + ": " + String.join("; ", ops));
        }
    }

    @Override
    public void tableUnreadable(String cause, IpvsException error) {
        lines.add("table unreadable (" + cause + "): " + error.getMessage());
    }

    @Override
    public void firstRoundApplied(Running running) {
        lines.add("first round applied");
    }

    @Override
    public void kernelSetting(String command, String result, String error) {
        lines.add("kernel setting " + result + ": " + command);
    }

    @Override
    public void configWarnings(List<ConfigMessage> warnings) {
        warnings.forEach(warning -> lines.add("config warning: " + warning.message()));
    }

    @Override
    public void reloaded(String trigger, Config config) {
        lines.add("reload " + trigger + " ok");
    }

    @Override
    public void reloadRejected(String trigger, List<ConfigMessage> errors) {
        errors.forEach(error -> lines.add("config error: " + error));
        lines.add("reload " + trigger + " rejected: " + errors.size() + " errors");
    }

    @Override
    public void reloadFailed(String trigger, String error) {
        lines.add("reload " + trigger + " failed: " + error);
    }

    @Override
    public void slowStartBegan(Running running, List<Steering.RealRef> reals) {
        reals.forEach(ref -> lines.add("slow start " + ref.real()));
    }

    @Override
    public void agentChanged(Running running, AgentChange change) {
        AgentHeard heard = change.heard();
        lines.add("agent " + change.agent()
                + (heard.failure().isEmpty() ? ": " + heard.answer().text() : " failing: " + heard.failure()));
    }

    @Override
    public void control(String request, String requester, ControlAnswer answer) {
        lines.add("control " + request + " by " + requester + ": " + answer.result() + ": " + answer.text());
    }

    @Override
    public void drainEnded(Running running, DrainEnd end) {
        lines.add(end.real().real() + " in " + end.real().virtual().id() + " " + end.outcome());
    }

    @Override
    public void drainBegan(Running running, List<RemovedDrain> began) {
        began.forEach(drain -> lines.add(drain.ref().real() + " in "
                + drain.ref().virtual().id() + " removed by reload, draining until " + drain.deadline()));
    }

    @Override
    public void drainCancelled(Running running, List<RealRef> cancelled) {
        cancelled.forEach(
                ref -> lines.add(ref.real() + " in " + ref.virtual().id() + " configured again, drain cancelled"));
    }

    @Override
    public void controlsDropped(List<RealRef> dropped, String why) {
        dropped.forEach(ref -> lines.add(
                "control dropped " + ref.real() + " in " + ref.virtual().id() + ": " + why));
    }

    @Override
    public void internalError(String where, Exception error) {
        lines.add("internal error in " + where + ": " + error);
    }

    @Override
    public void failsafeHolds(Running running, VirtualServiceKey virtual, FailsafeHold hold) {
        lines.add("failsafe holds " + virtual.id() + ": " + hold.down() + " of " + hold.judged());
    }

    @Override
    public void failsafeReleased(Running running, VirtualServiceKey virtual) {
        lines.add("failsafe released " + virtual.id());
    }

    @Override
    public void probeInconclusive(Running running, ProbeSpec probe, CheckResult result, ProbeLag lag) {
        lines.add("inconclusive " + probe.real() + " (" + lag.cause() + ")");
    }
}
