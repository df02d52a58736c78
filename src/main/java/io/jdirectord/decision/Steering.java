package io.jdirectord.decision;

import io.jdirectord.config.Endpoint;
import io.jdirectord.config.VirtualServiceKey;
import java.util.Map;

/**
 * What the operator and the traffic rules say about real servers besides their health, the second input
 * of {@link DesiredState#compute}: an immutable value made by the engine before each table pass. A real
 * server it does not name is {@link RealSteer#NEUTRAL} (in, at its configured or checked weight).
 *
 * @param reals the steering of each named real server, keyed by its virtual service and endpoint
 */
public record Steering(Map<RealRef, RealSteer> reals) {

    /** No steering at all: the table follows health alone. */
    public static final Steering NONE = new Steering(Map.of());

    public Steering {
        reals = Map.copyOf(reals);
    }

    /** The steering of one real server of one virtual service. */
    public RealSteer of(VirtualServiceKey virtual, Endpoint real) {
        return reals.getOrDefault(new RealRef(virtual, real), RealSteer.NEUTRAL);
    }

    /**
     * One real server of one virtual service, as the operator names it.
     *
     * @param virtual the virtual service
     * @param real    the real server's address and port within it
     */
    public record RealRef(VirtualServiceKey virtual, Endpoint real) {}
}
