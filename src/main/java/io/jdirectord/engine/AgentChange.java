package io.jdirectord.engine;

import io.jdirectord.config.Endpoint;
import io.jdirectord.decision.Steering.RealRef;
import java.util.List;

/**
 * What a load agent says changed (its state, its share, or whether it can be asked): logged once per change.
 *
 * @param agent  the agent's address and port
 * @param reals  the real servers it steers
 * @param heard  what it says now (its description is in the answer)
 * @param before what it said before
 */
public record AgentChange(Endpoint agent, List<RealRef> reals, AgentHeard heard, AgentHeard before) {

    public AgentChange {
        reals = List.copyOf(reals);
    }
}
