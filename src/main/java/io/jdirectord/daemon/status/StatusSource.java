package io.jdirectord.daemon.status;

import io.jdirectord.engine.DirectorHealth;
import io.jdirectord.ipvs.IpvsException;
import java.util.Optional;

/** Produces the running daemon's {@link StatusReport} on demand (lists the table each time). */
@FunctionalInterface
public interface StatusSource {

    /** @throws IpvsException when the table cannot be listed */
    StatusReport report() throws IpvsException;

    /** The director's health now, without listing the table when the source can help it; empty when not known. */
    default Optional<DirectorHealth> health() throws IpvsException {
        return report().director();
    }
}
