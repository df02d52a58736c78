package io.jdirectord.engine;

import io.jdirectord.config.Config;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the configured {@code maintenancedir} for the real servers of the configuration in force. The
 * host names the file names may use come from reverse lookups made once per configuration, off the
 * caller's thread; until one answers, a server is matched by address only.
 */
final class MaintenanceWatch {

    private final Map<Endpoint, Optional<String>> hostNames = new ConcurrentHashMap<>();

    /** Starts the reverse lookups of a configuration just put in force (none without a maintenancedir). */
    void configured(Config loaded) {
        if (loaded.globals().maintenanceDir().isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("reverse-dns").start(() -> {
            for (Endpoint real : reals(loaded)) {
                hostNames.computeIfAbsent(real, endpoint -> reverseName(endpoint.address()));
            }
        });
    }

    /** Which real servers of {@code config} the maintenance directory names now; empty without one. */
    Optional<MaintenanceScan> scan(Config config) {
        return config.globals()
                .maintenanceDir()
                .map(directory -> MaintenanceScan.read(new MaintenanceDirectory(directory), reals(config), hostNames));
    }

    private static Set<Endpoint> reals(Config config) {
        Set<Endpoint> reals = new LinkedHashSet<>();
        for (VirtualService virtual : config.virtualServices()) {
            for (RealServer real : virtual.reals()) {
                reals.add(real.endpoint());
            }
        }
        return reals;
    }

    private static Optional<String> reverseName(InetAddress address) {
        String name = address.getCanonicalHostName();
        return name.equals(address.getHostAddress()) ? Optional.empty() : Optional.of(name);
    }
}
