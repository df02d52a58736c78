package io.jdirectord.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Builds the {@link GlobalSettings} from the global section, with jdirectord's defaults. */
final class GlobalAssembler {

    static final Path DEFAULT_LOG_FILE = Path.of("/var/log/jdirectord/jdirectord.log");
    static final Duration DEFAULT_REPAIR_INTERVAL = Duration.ofSeconds(10);

    private GlobalAssembler() {}

    static GlobalSettings of(GlobalDraft g) {
        return new GlobalSettings(
                g.shared.checkInterval != null ? g.shared.checkInterval : Inheritance.DEFAULT_CHECK_INTERVAL,
                g.autoreload,
                Optional.ofNullable(g.callback),
                g.logTarget != null ? g.logTarget : new LogTarget.File(DEFAULT_LOG_FILE, false),
                g.execute,
                g.supervised,
                g.fork,
                g.readdQuiescent,
                Optional.ofNullable(g.maintenanceDir),
                g.repairInterval != null ? g.repairInterval : DEFAULT_REPAIR_INTERVAL,
                g.syncDaemons,
                Optional.ofNullable(g.ipvsTimeouts),
                Optional.ofNullable(g.statusAddress),
                Optional.ofNullable(g.trackFile));
    }
}
