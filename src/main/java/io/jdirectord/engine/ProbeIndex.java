package io.jdirectord.engine;

import io.jdirectord.config.Config;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.health.HealthKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which (virtual service, real server) pairs each probe of a configuration feeds. Immutable. */
public final class ProbeIndex {

    /** One real server line as one virtual service sees it. */
    public record Use(VirtualService virtual, RealServer real) {}

    private final Map<ProbeSpec, List<Use>> uses;

    private ProbeIndex(Map<ProbeSpec, List<Use>> uses) {
        this.uses = uses;
    }

    public static ProbeIndex of(Config config) {
        Map<ProbeSpec, List<Use>> uses = new LinkedHashMap<>();
        for (VirtualService virtual : config.virtualServices()) {
            for (RealServer real : virtual.reals()) {
                uses.computeIfAbsent(virtual.probeFor(real), probe -> new ArrayList<>())
                        .add(new Use(virtual, real));
            }
        }
        uses.replaceAll((probe, list) -> List.copyOf(list));
        return new ProbeIndex(Map.copyOf(uses));
    }

    /** The pairs fed by {@code probe}, in file order; empty for a probe of another configuration. */
    public List<Use> usesOf(ProbeSpec probe) {
        return uses.getOrDefault(probe, List.of());
    }

    /**
     * The pairs that see a real server's health through {@code key} (its probe with its thresholds), in
     * file order: where per-virtual lines for that key go. Costs the uses of one probe, not the whole
     * configuration.
     */
    public List<Use> usesOf(HealthKey key) {
        return usesOf(key.probe()).stream()
                .filter(use -> use.virtual().timing().failureCount() == key.failureCount()
                        && use.virtual().timing().riseCount() == key.riseCount())
                .toList();
    }

    /** Every probe of the configuration. */
    public Set<ProbeSpec> probes() {
        return uses.keySet();
    }
}
