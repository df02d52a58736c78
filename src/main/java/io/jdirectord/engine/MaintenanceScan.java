package io.jdirectord.engine;

import io.jdirectord.config.Endpoint;
import io.jdirectord.health.MaintenanceFiles;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One reading of the maintenance directory: which real servers it names right now. Immutable. */
record MaintenanceScan(Set<Endpoint> named) {

    /**
     * @param hostNames reverse-DNS names of the real servers' addresses, looked up when the configuration
     *                  was loaded; a server without one is matched by address only
     */
    static MaintenanceScan read(
            MaintenanceDirectory directory, Collection<Endpoint> reals, Map<Endpoint, Optional<String>> hostNames) {
        Set<Endpoint> named = new HashSet<>();
        for (Endpoint real : reals) {
            Optional<String> name = hostNames.getOrDefault(real, Optional.empty());
            if (directory.maintenanceFile(MaintenanceFiles.names(real, name)).isPresent()) {
                named.add(real);
            }
        }
        return new MaintenanceScan(Set.copyOf(named));
    }

    boolean inMaintenance(Endpoint real) {
        return named.contains(real);
    }
}
