package io.jdirectord.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code maintenancedir}: a file named after a real server forces it down. The names tried come
 * from {@link io.jdirectord.health.MaintenanceFiles}; the host name in them from a reverse lookup made
 * once when the configuration is loaded (ldirectord looks it up before every check).
 */
public final class MaintenanceDirectory {

    private final Path directory;

    public MaintenanceDirectory(Path directory) {
        this.directory = directory;
    }

    /** The first existing maintenance file for this real server, if any. */
    public Optional<String> maintenanceFile(List<String> candidateNames) {
        return candidateNames.stream()
                .filter(name -> Files.exists(directory.resolve(name)))
                .findFirst();
    }
}
