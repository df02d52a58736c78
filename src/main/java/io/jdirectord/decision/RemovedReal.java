package io.jdirectord.decision;

import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.decision.Steering.RealRef;

/**
 * A real server that a reload removed from the configuration while its service's {@code draintime} was
 * set, and that drains instead of leaving the table at once: the third input of {@link DesiredState#compute}
 * (see there for what it desires). Not checked any more; the engine ends its drain.
 *
 * @param virtual its virtual service as the configuration that removed it had it (its settings then)
 * @param real    the real server as that configuration had it (forwarding, thresholds)
 */
public record RemovedReal(VirtualService virtual, RealServer real) {

    /** The real server of its virtual service, as operators and the failure log name it. */
    public RealRef ref() {
        return new RealRef(virtual.key(), real.endpoint());
    }
}
