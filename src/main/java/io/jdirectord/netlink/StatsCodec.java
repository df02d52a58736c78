package io.jdirectord.netlink;

import io.jdirectord.ipvs.IpvsStats;

/**
 * The stats nests of services and destinations (IPVS_STATS_ATTR_*). STATS64 (Linux 4.1) is preferred;
 * the older STATS nest has 32-bit counters except the byte totals. Both share attribute ids and nest ids
 * (10 and 12) in services and destinations. PAD attributes (11) are skipped.
 */
final class StatsCodec {

    private static final int CONNS = 1;
    private static final int INPKTS = 2;
    private static final int OUTPKTS = 3;
    private static final int INBYTES = 4;
    private static final int OUTBYTES = 5;
    private static final int CPS = 6;
    private static final int INPPS = 7;
    private static final int OUTPPS = 8;
    private static final int INBPS = 9;
    private static final int OUTBPS = 10;

    private StatsCodec() {}

    /**
     * Reads the counters of a service or destination nest.
     *
     * @param stats64 id of the 64-bit nest
     * @param stats   id of the 32-bit nest
     */
    static IpvsStats read(Attributes owner, int stats64, int stats) throws NetlinkException {
        if (owner.has(stats64)) {
            return counters(owner.nested(stats64));
        }
        if (owner.has(stats)) {
            return counters(owner.nested(stats));
        }
        return IpvsStats.ZERO;
    }

    private static IpvsStats counters(Attributes c) throws NetlinkException {
        return new IpvsStats(
                c.unsigned(CONNS),
                c.unsigned(INPKTS),
                c.unsigned(OUTPKTS),
                c.unsigned(INBYTES),
                c.unsigned(OUTBYTES),
                c.unsigned(CPS),
                c.unsigned(INPPS),
                c.unsigned(OUTPPS),
                c.unsigned(INBPS),
                c.unsigned(OUTBPS));
    }
}
