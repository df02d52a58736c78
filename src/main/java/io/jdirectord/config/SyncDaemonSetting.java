package io.jdirectord.config;

import java.util.Locale;

/**
 * One IPVS connection-synchronisation daemon to run (extension {@code syncdaemon = master|backup IFACE [SYNCID]},
 * the equivalent of {@code ipvsadm --start-daemon}).
 *
 * @param state         master sends connection state, backup receives it
 * @param interfaceName multicast interface
 * @param syncId        synchronisation id, 0 to 255 (0 = accept every id)
 * @param line          1-based line of the directive
 */
public record SyncDaemonSetting(State state, String interfaceName, int syncId, int line) {

    /** The daemon's role. */
    public enum State {
        MASTER,
        BACKUP;

        /** The name as written in the configuration. */
        public String ldName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
