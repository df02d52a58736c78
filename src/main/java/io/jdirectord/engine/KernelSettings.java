package io.jdirectord.engine;

import io.jdirectord.config.Config;
import io.jdirectord.config.GlobalSettings;
import io.jdirectord.config.SyncDaemonSetting;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsKernelSettings;
import io.jdirectord.ipvs.IpvsKernelSettings.Outcome;
import io.jdirectord.ipvs.IpvsTimeouts;
import io.jdirectord.ipvs.SyncDaemon;

/**
 * Applies the kernel-wide settings of the configuration (extensions {@code syncdaemon} and
 * {@code ipvstimeouts}) at start and on every reload: a configured sync daemon that is not running, or
 * runs with another interface or sync id, is (re)started; the timeouts are set when they differ. Daemons
 * the configuration does not name are left alone, as are timeouts it does not set. Each change, dry run
 * or failure is reported as the ipvsadm command it stands for.
 */
final class KernelSettings {

    private final IpvsKernelSettings kernel;
    private final MonitorEvents events;

    KernelSettings(IpvsKernelSettings kernel, MonitorEvents events) {
        this.kernel = kernel;
        this.events = events;
    }

    void apply(Config config) {
        GlobalSettings globals = config.globals();
        for (SyncDaemonSetting wanted : globals.syncDaemons()) {
            SyncDaemon daemon = toKernel(wanted);
            put(daemon.ipvsadmCommand(), () -> kernel.syncDaemon(daemon));
        }
        globals.ipvsTimeouts().ifPresent(timeouts -> {
            IpvsTimeouts wanted = new IpvsTimeouts(
                    (int) timeouts.tcp().toSeconds(), (int) timeouts.tcpFin().toSeconds(), (int)
                            timeouts.udp().toSeconds());
            put(wanted.ipvsadmCommand(), () -> kernel.timeouts(wanted));
        });
    }

    private interface Request {
        Outcome run() throws IpvsException;
    }

    private void put(String command, Request request) {
        try {
            switch (request.run()) {
                case APPLIED -> events.kernelSetting(command, "applied", null);
                case DRY_RUN -> events.kernelSetting(command, "dry-run", null);
                case UNCHANGED -> {}
            }
        } catch (IpvsException e) {
            events.kernelSetting(command, "failed", Refusals.messageOf(e));
        }
    }

    static SyncDaemon toKernel(SyncDaemonSetting configured) {
        SyncDaemon.State state = configured.state() == SyncDaemonSetting.State.MASTER
                ? SyncDaemon.State.MASTER
                : SyncDaemon.State.BACKUP;
        return new SyncDaemon(state, configured.interfaceName(), configured.syncId());
    }
}
