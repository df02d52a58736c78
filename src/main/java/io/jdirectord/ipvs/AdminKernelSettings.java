package io.jdirectord.ipvs;

import java.util.List;

/** {@link IpvsKernelSettings} on the kernel: reads the current setting, changes it only when it differs. */
public final class AdminKernelSettings implements IpvsKernelSettings {

    private final IpvsAdmin admin;

    public AdminKernelSettings(IpvsAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Outcome syncDaemon(SyncDaemon wanted) throws IpvsException {
        List<SyncDaemon> running = admin.syncDaemons();
        if (running.contains(wanted)) {
            return Outcome.UNCHANGED;
        }
        if (running.stream().anyMatch(daemon -> daemon.state() == wanted.state())) {
            admin.stopSyncDaemon(wanted.state());
        }
        admin.startSyncDaemon(wanted);
        return Outcome.APPLIED;
    }

    @Override
    public Outcome timeouts(IpvsTimeouts wanted) throws IpvsException {
        IpvsTimeouts now = admin.timeouts();
        boolean same = (wanted.tcp() == 0 || wanted.tcp() == now.tcp())
                && (wanted.tcpFin() == 0 || wanted.tcpFin() == now.tcpFin())
                && (wanted.udp() == 0 || wanted.udp() == now.udp());
        if (same) {
            return Outcome.UNCHANGED;
        }
        admin.setTimeouts(wanted);
        return Outcome.APPLIED;
    }
}
