package io.jdirectord.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How the weight of a virtual service's real servers is shaped beyond their health (extensions, global
 * and per virtual): slow start and a load agent.
 *
 * @param slowStart time over which a real server that comes back up grows from a small share of its
 *                  weight to all of it ({@code slowstart}, whole seconds); zero when off
 * @param agent     the load agent asked for each real server's weight share and state, when
 *                  {@code agentport} is set
 */
public record WeightShaping(Duration slowStart, Optional<Agent> agent) {

    /** Neither slow start nor an agent. */
    public static final WeightShaping NONE = new WeightShaping(Duration.ZERO, Optional.empty());

    /** Whether real servers of the service ramp up when they come back. */
    public boolean slowStarts() {
        return !slowStart.isZero();
    }

    /**
     * A load agent on each real server (HAProxy's agent-check protocol): jdirectord connects to the
     * real's address at {@code port}, sends {@code send} (when not empty) and reads one line.
     *
     * @param port     the agent's TCP port ({@code agentport})
     * @param interval time between two questions to one agent ({@code agentinterval}, default checkinterval)
     * @param send     the text sent after connecting, followed by a newline ({@code agentsend}); empty
     *                 to send nothing
     * @param timeout  the whole exchange's deadline: the service's checktimeout, at most the interval
     */
    public record Agent(int port, Duration interval, String send, Duration timeout) {}
}
