package io.jdirectord.netlink;

import io.jdirectord.ipvs.IpvsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests tagged "kernel" that each start from an empty IPVS table and leave it empty: the
 * table is opened (or the test skipped) before each test, flushed and closed after it.
 */
abstract class EmptyKernelTable {

    NetlinkIpvsTable table;

    @BeforeEach
    void openEmptyTable() throws IpvsException {
        table = KernelTables.openEmpty();
    }

    @AfterEach
    void flushAndCloseTable() throws IpvsException {
        table.flush();
        table.close();
    }
}
