package io.jdirectord.netlink;

import static io.jdirectord.netlink.IpvsRequestsTest.service;
import static io.jdirectord.netlink.KernelTables.ipvsadm;
import static io.jdirectord.netlink.NetlinkIpvsTableKernelTest.TCP_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsTable;
import io.jdirectord.ipvs.IpvsTimeouts;
import io.jdirectord.ipvs.SyncDaemon;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sync daemons, connection timeouts and flush, checked through ipvsadm. */
@Tag("kernel")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminKernelTest {

    private static final IpvsTimeouts DEFAULTS = new IpvsTimeouts(900, 120, 300);

    private NetlinkIpvsTable table;

    @BeforeEach
    void openEmptyTableWithASyncInterface() throws IpvsException {
        table = KernelTables.openEmpty();
        if (!KernelTables.run(List.of("ip", "-o", "link", "show")).contains(" sync0:")) {
            KernelTables.run(List.of("ip", "link", "add", "sync0", "type", "dummy"));
            KernelTables.run(List.of("ip", "link", "set", "sync0", "up"));
        }
    }

    @AfterEach
    void restoreDefaults() throws IpvsException {
        for (SyncDaemon daemon : table.syncDaemons()) {
            table.stopSyncDaemon(daemon.state());
        }
        table.setTimeouts(DEFAULTS);
        table.close();
    }

    @Test
    void startsListsAndStopsSyncDaemons() throws IpvsException {
        SyncDaemon master = new SyncDaemon(SyncDaemon.State.MASTER, "sync0", 5);
        SyncDaemon backup = new SyncDaemon(SyncDaemon.State.BACKUP, "sync0", 7);
        table.startSyncDaemon(master);
        table.startSyncDaemon(backup);
        assertThat(KernelTables.lines(ipvsadm("-L", "-n", "--daemon")))
                .containsExactly(
                        "master sync daemon (mcast=sync0, syncid=5, maxlen=1472, group=224.0.0.81, port=8848, ttl=1)",
                        "backup sync daemon (mcast=sync0, syncid=7, maxlen=1472, group=224.0.0.81, port=8848, ttl=1)");
        assertThat(table.syncDaemons()).containsExactly(master, backup);
        table.stopSyncDaemon(SyncDaemon.State.MASTER);
        assertThat(table.syncDaemons()).containsExactly(backup);
        assertThat(ipvsadm("-L", "-n", "--daemon")).doesNotContain("master");
    }

    @Test
    void refusesASecondDaemonOfOneStateAndStoppingOneNotRunning() throws IpvsException {
        table.startSyncDaemon(new SyncDaemon(SyncDaemon.State.MASTER, "sync0", 1));
        assertThatThrownBy(() -> table.startSyncDaemon(new SyncDaemon(SyncDaemon.State.MASTER, "sync0", 2)))
                .hasFieldOrPropertyWithValue("errno", IpvsTable.EEXIST)
                .hasMessage(
                        "start the master sync daemon on sync0 with syncid 2 failed: File exists (EEXIST, errno 17);"
                                + " a sync daemon in that state is already running");
        assertThatThrownBy(() -> table.stopSyncDaemon(SyncDaemon.State.BACKUP))
                .hasFieldOrPropertyWithValue("errno", IpvsTable.ESRCH)
                .hasMessageEndingWith("no sync daemon in that state is running");
    }

    @Test
    void readsAndSetsTheConnectionTimeouts() throws IpvsException {
        assertThat(table.timeouts()).isEqualTo(DEFAULTS);
        assertThat(ipvsadm("-L", "-n", "--timeout").strip()).isEqualTo("Timeout (tcp tcpfin udp): 900 120 300");
        table.setTimeouts(new IpvsTimeouts(600, 60, 200));
        assertThat(ipvsadm("-L", "-n", "--timeout").strip()).isEqualTo("Timeout (tcp tcpfin udp): 600 60 200");
        table.setTimeouts(new IpvsTimeouts(0, 30, 0));
        assertThat(table.timeouts()).isEqualTo(new IpvsTimeouts(600, 30, 200));
    }

    @Test
    void flushesOnlyWhenAsked() throws IpvsException {
        table.addService(service(TCP_A, "rr"));
        ipvsadm("-A", "-f", "9", "-s", "rr");
        assertThat(KernelTables.saved()).hasSize(2);
        table.flush();
        assertThat(KernelTables.saved()).isEmpty();
    }
}
