package io.jdirectord.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.ipvs.IpvsKernelSettings.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The kernel's settings are changed only where they differ from what the configuration asks. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AdminKernelSettingsTest {

    private static final SyncDaemon MASTER = new SyncDaemon(SyncDaemon.State.MASTER, "eth1", 7);

    private final RecordingAdmin admin = new RecordingAdmin();
    private final AdminKernelSettings settings = new AdminKernelSettings(admin);

    @Test
    void leavesARunningSyncDaemonThatMatchesAlone() throws IpvsException {
        admin.daemons.add(MASTER);

        assertThat(settings.syncDaemon(MASTER)).isEqualTo(Outcome.UNCHANGED);
        assertThat(admin.calls).isEmpty();
    }

    @Test
    void restartsASyncDaemonOfTheSameStateWithAnotherInterface() throws IpvsException {
        admin.daemons.add(new SyncDaemon(SyncDaemon.State.MASTER, "eth0", 7));

        assertThat(settings.syncDaemon(MASTER)).isEqualTo(Outcome.APPLIED);
        assertThat(admin.calls).containsExactly("stop MASTER", "start " + MASTER);
    }

    @Test
    void setsTheTimeoutsOnlyWhenANonZeroOneDiffers() throws IpvsException {
        admin.timeouts = new IpvsTimeouts(900, 120, 300);

        assertThat(settings.timeouts(new IpvsTimeouts(900, 0, 300))).isEqualTo(Outcome.UNCHANGED);
        assertThat(settings.timeouts(new IpvsTimeouts(0, 60, 0))).isEqualTo(Outcome.APPLIED);
        assertThat(admin.calls).containsExactly("set " + new IpvsTimeouts(0, 60, 0));
    }

    @Test
    void theDryRunReadsAndChangesNothing() {
        DryRunKernelSettings dryRun = new DryRunKernelSettings();

        assertThat(dryRun.syncDaemon(MASTER)).isEqualTo(Outcome.DRY_RUN);
        assertThat(dryRun.timeouts(new IpvsTimeouts(900, 120, 300))).isEqualTo(Outcome.DRY_RUN);
        assertThat(MASTER.ipvsadmCommand())
                .isEqualTo("ipvsadm --start-daemon master --mcast-interface eth1 --syncid 7");
        assertThat(new IpvsTimeouts(900, 120, 300).ipvsadmCommand()).isEqualTo("ipvsadm --set 900 120 300");
    }

    /** An {@link IpvsAdmin} in memory that records every change asked of it. */
    private static final class RecordingAdmin implements IpvsAdmin {
        final List<SyncDaemon> daemons = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        IpvsTimeouts timeouts = new IpvsTimeouts(0, 0, 0);

        @Override
        public IpvsInfo info() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SyncDaemon> syncDaemons() {
            return List.copyOf(daemons);
        }

        @Override
        public void startSyncDaemon(SyncDaemon daemon) {
            calls.add("start " + daemon);
        }

        @Override
        public void stopSyncDaemon(SyncDaemon.State state) {
            calls.add("stop " + state);
        }

        @Override
        public IpvsTimeouts timeouts() {
            return timeouts;
        }

        @Override
        public void setTimeouts(IpvsTimeouts wanted) {
            calls.add("set " + wanted);
        }

        @Override
        public void flush() {
            throw new UnsupportedOperationException();
        }
    }
}
