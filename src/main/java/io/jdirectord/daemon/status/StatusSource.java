package io.jdirectord.daemon.status;

import io.jdirectord.ipvs.IpvsException;

/** Produces the running daemon's {@link StatusReport} on demand (lists the table each time). */
@FunctionalInterface
public interface StatusSource {

    /** @throws IpvsException when the table cannot be listed */
    StatusReport report() throws IpvsException;
}
