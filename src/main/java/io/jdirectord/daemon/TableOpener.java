package io.jdirectord.daemon;

import io.jdirectord.ipvs.AdminKernelSettings;
import io.jdirectord.ipvs.DryRunIpvsTable;
import io.jdirectord.ipvs.DryRunKernelSettings;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsKernelSettings;
import io.jdirectord.ipvs.IpvsTable;
import io.jdirectord.netlink.NetlinkIpvsTable;

/**
 * Opens what the daemon keeps: the kernel's table and settings through netlink, or in-memory ones that
 * change nothing for --dry-run.
 */
final class TableOpener {

    /** The table and where the kernel-wide settings go; closing closes the table. */
    record Opened(IpvsTable table, IpvsKernelSettings kernel) implements AutoCloseable {
        @Override
        public void close() {
            table.close();
        }
    }

    private TableOpener() {}

    /**
     * @param echo with {@code dryRun}: the in-memory table logs its changes at INFO (false: at DEBUG, for when the
     *             failure log on standard error names them already)
     * @throws StartupException when the kernel table cannot be reached: IPVS missing ("load the ip_vs
     *                          module"), CAP_NET_ADMIN missing, or libc not callable
     */
    static Opened open(boolean dryRun, boolean echo) throws StartupException {
        if (dryRun) {
            return new Opened(new DryRunIpvsTable(echo), new DryRunKernelSettings());
        }
        try {
            NetlinkIpvsTable table = NetlinkIpvsTable.open();
            table.services();
            return new Opened(table, new AdminKernelSettings(table));
        } catch (IpvsException e) {
            throw new StartupException(e.getMessage() + " (use --dry-run to run without the kernel)", e);
        }
    }
}
