package io.jdirectord.daemon;

import io.jdirectord.ipvs.DryRunIpvsTable;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsTable;
import io.jdirectord.netlink.NetlinkIpvsTable;

/** Opens the table the daemon keeps: the kernel's through netlink, or an in-memory one for --dry-run. */
final class TableOpener {

    private TableOpener() {
    }

    /**
     * @throws StartupException when the kernel table cannot be reached: IPVS missing ("load the ip_vs
     *                          module"), CAP_NET_ADMIN missing, or libc not callable
     */
    static IpvsTable open(boolean dryRun) throws StartupException {
        if (dryRun) {
            return new DryRunIpvsTable();
        }
        try {
            NetlinkIpvsTable table = NetlinkIpvsTable.open();
            table.services();
            return table;
        } catch (IpvsException e) {
            throw new StartupException(e.getMessage() + " (use --dry-run to run without the kernel)", e);
        }
    }
}
