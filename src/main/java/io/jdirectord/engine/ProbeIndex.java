package io.jdirectord.engine;

import io.jdirectord.config.Config;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.health.HealthKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which (virtual service, real server) pairs each probe of a configuration feeds. Immutable. */
public final class ProbeIndex {

    /** One real server line as one virtual service sees it. */
    public record Use(VirtualService virtual, RealServer real) {}

    /** What the index knows of one probe: its own instance, its uses and those with a monitorfile. */
    private record Entry(ProbeSpec probe, List<Use> uses, List<Use> monitored) {}

    private final Map<ProbeSpec, Entry> entries;
    /** Whether any use has a monitorfile: none in most configurations, so most results need no lookup. */
    private final boolean anyMonitorFile;

    private ProbeIndex(Map<ProbeSpec, Entry> entries) {
        this.entries = entries;
        this.anyMonitorFile =
                entries.values().stream().anyMatch(entry -> !entry.monitored().isEmpty());
    }

    public static ProbeIndex of(Config config) {
        Map<ProbeSpec, List<Use>> uses = new LinkedHashMap<>();
        for (VirtualService virtual : config.virtualServices()) {
            for (RealServer real : virtual.reals()) {
                uses.computeIfAbsent(virtual.probeFor(real), probe -> new ArrayList<>())
                        .add(new Use(virtual, real));
            }
        }
        Map<ProbeSpec, Entry> entries = new HashMap<>();
        uses.forEach((probe, list) -> entries.put(probe, new Entry(probe, List.copyOf(list), monitored(list))));
        return new ProbeIndex(Map.copyOf(entries));
    }

    private static List<Use> monitored(List<Use> uses) {
        return uses.stream()
                .filter(use -> use.virtual().monitorFile().isPresent())
                .toList();
    }

    /** The pairs fed by {@code probe}, in file order; empty for a probe of another configuration. */
    public List<Use> usesOf(ProbeSpec probe) {
        Entry entry = entries.get(probe);
        return entry == null ? List.of() : entry.uses();
    }

    /** The pairs fed by {@code probe} whose virtual service has a monitorfile, in file order. */
    public List<Use> monitorFileUsesOf(ProbeSpec probe) {
        Entry entry = anyMonitorFile ? entries.get(probe) : null;
        return entry == null ? List.of() : entry.monitored();
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

    /**
     * The index's own instance of {@code probe} (equal to it), {@code probe} itself when the index lacks
     * it. Every structure of one configuration holds these instances, so that the lookups each result
     * makes find their key by identity instead of comparing two copies field by field.
     */
    public ProbeSpec canonical(ProbeSpec probe) {
        Entry entry = entries.get(probe);
        return entry == null ? probe : entry.probe();
    }

    /** {@code keys} with their probes replaced by the index's instances ({@link #canonical}), in their order. */
    public Set<HealthKey> canonical(Set<HealthKey> keys) {
        Set<HealthKey> canonical = new LinkedHashSet<>();
        for (HealthKey key : keys) {
            canonical.add(new HealthKey(canonical(key.probe()), key.failureCount(), key.riseCount()));
        }
        return canonical;
    }

    /** Every probe of the configuration. */
    public Set<ProbeSpec> probes() {
        return entries.keySet();
    }
}
