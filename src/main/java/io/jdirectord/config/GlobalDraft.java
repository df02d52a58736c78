package io.jdirectord.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The global section as written (null = not given), plus the virtual blocks in file order. */
final class GlobalDraft {
    final SharedDraft shared = new SharedDraft();
    final List<VirtualDraft> virtuals = new ArrayList<>();
    final List<String> execute = new ArrayList<>();
    final List<SyncDaemonSetting> syncDaemons = new ArrayList<>();
    boolean autoreload;
    Path callback;
    LogTarget logTarget;
    boolean fork;
    boolean supervised;
    boolean readdQuiescent;
    String emailAlertFrom;
    Path maintenanceDir;
    Duration repairInterval;
    IpvsTimeoutSetting ipvsTimeouts;
    InetSocketAddress statusAddress;
    Path trackFile;
    FallbackDraft fallbackInet;
    FallbackDraft fallbackInet6;
}
