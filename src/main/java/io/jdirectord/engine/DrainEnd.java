package io.jdirectord.engine;

import io.jdirectord.decision.Steering.RealRef;

/**
 * A drain that ended in a table pass: the real server goes out of the table.
 *
 * @param real           the real server of its virtual service
 * @param connections    its active and inactive connections when the drain ended
 * @param deadlinePassed whether the deadline ended it (else its connections reached 0)
 */
public record DrainEnd(RealRef real, int connections, boolean deadlinePassed) {

    /** {@code drained: 0 connections} or {@code drain deadline passed with 3 connections}. */
    public String outcome() {
        return deadlinePassed
                ? "drain deadline passed with " + connections + (connections == 1 ? " connection" : " connections")
                : "drained: 0 connections";
    }
}
