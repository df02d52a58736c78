package io.jdirectord.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Directives of the global section that are not inherited into virtual services (those are resolved
 * into each {@link VirtualService}).
 *
 * @param checkInterval  global checkinterval (default 10 s)
 * @param autoreload     reload when the file's content changes
 * @param callback       program run with the configuration path when the file changes
 * @param logTarget      failure log destination (default the file /var/log/jdirectord/jdirectord.log)
 * @param execute        other configurations whose daemons are started and stopped with this one, quotes removed
 * @param supervised     do not daemonize (jdirectord always runs in the foreground; accepted)
 * @param fork           accepted for compatibility; every real server is probed independently anyway
 * @param readdQuiescent re-add a quiesced real server that vanished from the table, at weight 0
 * @param maintenanceDir directory whose files force real servers down
 * @param repairInterval how often the table is re-read and drift repaired (extension, default 10 s;
 *                       {@link Duration#ZERO} = never)
 * @param syncDaemons    IPVS sync daemons to start (extension syncdaemon; at most one per state)
 * @param ipvsTimeouts   IPVS connection timeouts to set (extension ipvstimeouts)
 * @param statusAddress  where to serve the HTTP status and metrics endpoint (extension statusaddress; off when empty)
 * @param trackFile      where to keep the director's health as a number for keepalived's track_file (extension
 *                       trackfile; off when empty)
 */
public record GlobalSettings(
        Duration checkInterval,
        boolean autoreload,
        Optional<Path> callback,
        LogTarget logTarget,
        List<String> execute,
        boolean supervised,
        boolean fork,
        boolean readdQuiescent,
        Optional<Path> maintenanceDir,
        Duration repairInterval,
        List<SyncDaemonSetting> syncDaemons,
        Optional<IpvsTimeoutSetting> ipvsTimeouts,
        Optional<InetSocketAddress> statusAddress,
        Optional<Path> trackFile) {

    public GlobalSettings {
        execute = List.copyOf(execute);
        syncDaemons = List.copyOf(syncDaemons);
    }
}
