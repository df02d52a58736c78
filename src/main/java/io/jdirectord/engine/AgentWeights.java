package io.jdirectord.engine;

import io.jdirectord.check.AgentCheck;
import io.jdirectord.check.CheckResult;
import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.Config;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.config.WeightShaping;
import io.jdirectord.decision.RealSteer;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.schedule.ScheduledProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load agents of the running configuration ({@code agentport}) and what each last said. One agent
 * probe per agent endpoint (the real's address and the agent port) and request, however many virtual
 * services ask it; its answer steers every real server of those services at that address. An agent
 * that cannot be asked (refused, timed out, garbage) changes nothing: its last answer, or none, stays in
 * force. Results come from many probe threads at once, the configuration from the control thread, the
 * steering is read by the table keeper: thread-safe.
 */
final class AgentWeights {

    private volatile Map<ProbeSpec, List<RealRef>> index = Map.of();
    private final Map<ProbeSpec, AgentHeard> heard = new ConcurrentHashMap<>();

    /**
     * What one result changed.
     *
     * @param change   the change to log, when the agent's state, share or failure changed
     * @param steering whether the steering of its real servers changed (a table pass is due)
     */
    record Update(Optional<AgentChange> change, boolean steering) {
        static final Update NONE = new Update(Optional.empty(), false);
    }

    /** The agent probe that asks {@code agent} about {@code real}. */
    static ProbeSpec probeFor(WeightShaping.Agent agent, RealServer real) {
        CheckSpec check = CheckSpec.builder()
                .type(CheckType.CONNECT)
                .request(agent.send())
                .checkTimeout(agent.timeout())
                .negotiateTimeout(agent.timeout())
                .maxReceiveBytes(AgentCheck.MAX_LINE)
                .build();
        return new ProbeSpec(check, new Endpoint(real.endpoint().address(), agent.port()), Optional.empty());
    }

    /**
     * Puts the agents of {@code config} in force; agents kept keep what they said, the others are forgotten.
     *
     * @return the agent probes to schedule, each at the shortest agentinterval of the services that ask it
     */
    List<ScheduledProbe> configure(Config config) {
        Map<ProbeSpec, List<RealRef>> next = new LinkedHashMap<>();
        Map<ProbeSpec, Duration> intervals = new LinkedHashMap<>();
        for (VirtualService virtual : config.virtualServices()) {
            Optional<WeightShaping.Agent> agent = virtual.shaping().agent();
            if (agent.isEmpty()) {
                continue;
            }
            for (RealServer real : virtual.reals()) {
                ProbeSpec probe = probeFor(agent.get(), real);
                next.computeIfAbsent(probe, p -> new ArrayList<>()).add(new RealRef(virtual.key(), real.endpoint()));
                intervals.merge(probe, agent.get().interval(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        next.replaceAll((probe, refs) -> List.copyOf(refs));
        index = Map.copyOf(next);
        heard.keySet().retainAll(next.keySet());
        return intervals.entrySet().stream()
                .map(e -> new ScheduledProbe(e.getKey(), e.getValue()))
                .toList();
    }

    /** Takes one agent's result: a line is an answer unless it holds no word of the protocol. */
    Update record(ProbeSpec probe, CheckResult result) {
        List<RealRef> reals = index.get(probe);
        if (reals == null) {
            return Update.NONE;
        }
        AgentHeard before = heard.getOrDefault(probe, AgentHeard.NOTHING);
        AgentHeard now = heardFrom(before, result);
        heard.put(probe, now);
        boolean steering = !before.answer().steer().equals(now.answer().steer());
        Optional<AgentChange> change = now.differsFrom(before)
                ? Optional.of(new AgentChange(probe.real(), reals, now, before))
                : Optional.empty();
        return new Update(change, steering);
    }

    private static AgentHeard heardFrom(AgentHeard before, CheckResult result) {
        if (!result.up()) {
            return new AgentHeard(before.answer(), result.reason());
        }
        return before.answer()
                .then(result.reason())
                .map(answer -> new AgentHeard(answer, ""))
                .orElseGet(() -> new AgentHeard(before.answer(), "unreadable answer: " + result.reason()));
    }

    /** The steering of every real server whose agent asks for something other than its whole weight. */
    Map<RealRef, RealSteer> steering() {
        Map<RealRef, RealSteer> steers = new HashMap<>();
        Map<ProbeSpec, List<RealRef>> now = index;
        heard.forEach((probe, what) -> {
            RealSteer steer = what.answer().steer();
            if (!steer.equals(RealSteer.NEUTRAL)) {
                now.getOrDefault(probe, List.of()).forEach(ref -> steers.put(ref, steer));
            }
        });
        return steers;
    }

    /** What the agent of each real server that has one was last heard to say, for the status. */
    Map<RealRef, AgentHeard> heard() {
        Map<RealRef, AgentHeard> byReal = new HashMap<>();
        index.forEach((probe, refs) ->
                refs.forEach(ref -> byReal.put(ref, heard.getOrDefault(probe, AgentHeard.NOTHING))));
        return byReal;
    }
}
