package io.jdirectord.ipvs;

import java.util.List;

/** A service as found in the table, with its destinations and counters. */
public record ServiceEntry(IpvsService service, IpvsStats stats, List<DestinationEntry> destinations) {

    public ServiceEntry {
        destinations = List.copyOf(destinations);
    }

    /**
     * A destination as found in the table.
     *
     * @param activeConnections   IPVS_DEST_ATTR_ACTIVE_CONNS
     * @param inactiveConnections IPVS_DEST_ATTR_INACT_CONNS
     */
    public record DestinationEntry(
            IpvsDestination destination, IpvsStats stats, int activeConnections, int inactiveConnections) {}
}
