package io.jdirectord.daemon;

import io.jdirectord.ipvs.DryRunIpvsTable;
import io.jdirectord.ipvs.IpvsTable;

/** Opens the table the daemon keeps: the kernel's through netlink, or an in-memory one for --dry-run. */
final class TableOpener {

    private TableOpener() {
    }

    static IpvsTable open(boolean dryRun) throws StartupException {
        if (dryRun) {
            return new DryRunIpvsTable();
        }
        throw new StartupException("the kernel table is not available in this build: use --dry-run");
    }
}
