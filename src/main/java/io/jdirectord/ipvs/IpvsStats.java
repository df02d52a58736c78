package io.jdirectord.ipvs;

/**
 * Traffic counters of a service or destination as the kernel reports them (IPVS_STATS_ATTR_*): totals
 * since creation and per-second rates.
 */
public record IpvsStats(
        long connections,
        long packetsIn,
        long packetsOut,
        long bytesIn,
        long bytesOut,
        long connectionsPerSecond,
        long packetsInPerSecond,
        long packetsOutPerSecond,
        long bytesInPerSecond,
        long bytesOutPerSecond) {

    public static final IpvsStats ZERO = new IpvsStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
