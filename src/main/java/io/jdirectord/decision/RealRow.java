package io.jdirectord.decision;

import io.jdirectord.ipvs.IpvsDestination;
import java.util.Optional;

/**
 * One real server of a virtual service in a pass of {@link DesiredState}, before the failsafe and the quorum
 * act on its service.
 *
 * @param in      up and enabled: it counts for the quorum and the failsafe judges it
 * @param failing enabled and DOWN: its checks failed; the failsafe judges it (UNKNOWN is neither)
 * @param listed  its destination as listed now; empty when it is not listed
 * @param desired its destination by its own rows of the rule table; empty for absent
 */
record RealRow(boolean in, boolean failing, Optional<IpvsDestination> listed, Optional<IpvsDestination> desired) {

    /** Listed with a weight above 0. */
    boolean weighted() {
        return listed.filter(d -> d.weight() > 0).isPresent();
    }

    /** This row kept as listed, counted as in. */
    RealRow held() {
        return new RealRow(true, false, listed, listed);
    }
}
