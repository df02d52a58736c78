package io.jdirectord.engine;

import io.jdirectord.decision.RemovedReal;
import io.jdirectord.decision.Steering.RealRef;
import java.time.Instant;

/**
 * A real server that a reload removed while its service's {@code draintime} was set: at weight 0 in the
 * table, no longer checked, until its connections end or its deadline passes.
 *
 * @param removed  the real server and its virtual service as the configuration that removed it had them
 * @param deadline when it leaves the table even with connections left
 * @param since    when the reload removed it
 */
public record RemovedDrain(RemovedReal removed, Instant deadline, Instant since) {

    /** The real server of its virtual service. */
    public RealRef ref() {
        return removed.ref();
    }
}
