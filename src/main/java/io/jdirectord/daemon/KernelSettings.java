package io.jdirectord.daemon;

import io.jdirectord.config.Config;
import io.jdirectord.config.GlobalSettings;
import io.jdirectord.config.SyncDaemonSetting;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.ipvs.IpvsAdmin;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsTable;
import io.jdirectord.ipvs.IpvsTimeouts;
import io.jdirectord.ipvs.SyncDaemon;
import java.util.List;
import java.util.Optional;

/**
 * Applies the kernel-wide settings of the configuration (extensions {@code syncdaemon} and
 * {@code ipvstimeouts}) at start and on every reload: a configured sync daemon that is not running, or
 * runs with another interface or sync id, is (re)started; the timeouts are set when they differ. Daemons
 * the configuration does not name are left alone, as are timeouts it does not set. With the in-memory
 * table nothing is changed and each step is logged as the ipvsadm command it stands for.
 */
final class KernelSettings {

    private KernelSettings() {
    }

    static void apply(Config config, IpvsTable table, FailureLog log) {
        GlobalSettings globals = config.globals();
        if (globals.syncDaemons().isEmpty() && globals.ipvsTimeouts().isEmpty()) {
            return;
        }
        Optional<IpvsAdmin> admin = table instanceof IpvsAdmin kernel ? Optional.of(kernel) : Optional.empty();
        for (SyncDaemonSetting wanted : globals.syncDaemons()) {
            syncDaemon(toKernel(wanted), admin, log);
        }
        globals.ipvsTimeouts().ifPresent(timeouts -> timeouts(new IpvsTimeouts((int) timeouts.tcp().toSeconds(),
                (int) timeouts.tcpFin().toSeconds(), (int) timeouts.udp().toSeconds()), admin, log));
    }

    private static void syncDaemon(SyncDaemon wanted, Optional<IpvsAdmin> admin, FailureLog log) {
        String command = "ipvsadm --start-daemon " + wanted.state().name().toLowerCase(java.util.Locale.ROOT)
                + " --mcast-interface " + wanted.interfaceName() + " --syncid " + wanted.syncId();
        if (admin.isEmpty()) {
            log.event("kernel-setting", "op", command, "result", "dry-run");
            return;
        }
        try {
            List<SyncDaemon> running = admin.get().syncDaemons();
            if (running.contains(wanted)) {
                return;
            }
            if (running.stream().anyMatch(daemon -> daemon.state() == wanted.state())) {
                admin.get().stopSyncDaemon(wanted.state());
            }
            admin.get().startSyncDaemon(wanted);
            log.event("kernel-setting", "op", command, "result", "applied");
        } catch (IpvsException e) {
            log.event("kernel-setting", "op", command, "result", "failed", "error", e.getMessage());
        }
    }

    private static void timeouts(IpvsTimeouts wanted, Optional<IpvsAdmin> admin, FailureLog log) {
        String command = "ipvsadm --set " + wanted.tcp() + " " + wanted.tcpFin() + " " + wanted.udp();
        if (admin.isEmpty()) {
            log.event("kernel-setting", "op", command, "result", "dry-run");
            return;
        }
        try {
            IpvsTimeouts now = admin.get().timeouts();
            boolean same = (wanted.tcp() == 0 || wanted.tcp() == now.tcp())
                    && (wanted.tcpFin() == 0 || wanted.tcpFin() == now.tcpFin())
                    && (wanted.udp() == 0 || wanted.udp() == now.udp());
            if (!same) {
                admin.get().setTimeouts(wanted);
                log.event("kernel-setting", "op", command, "result", "applied");
            }
        } catch (IpvsException e) {
            log.event("kernel-setting", "op", command, "result", "failed", "error", e.getMessage());
        }
    }

    static SyncDaemon toKernel(SyncDaemonSetting configured) {
        SyncDaemon.State state = configured.state() == SyncDaemonSetting.State.MASTER
                ? SyncDaemon.State.MASTER : SyncDaemon.State.BACKUP;
        return new SyncDaemon(state, configured.interfaceName(), configured.syncId());
    }
}
