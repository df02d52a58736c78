package io.jdirectord.health;

import java.util.Map;

/**
 * An immutable copy of every {@link HealthKey}'s status and dynamic weight at one moment, the health
 * input of the decision layer. A key it does not hold is {@link ProbeHealth#UNKNOWN}.
 */
public record HealthSnapshot(Map<HealthKey, ProbeHealth> entries) {

    public static final HealthSnapshot EMPTY = new HealthSnapshot(Map.of());

    public HealthSnapshot {
        entries = Map.copyOf(entries);
    }

    public ProbeHealth get(HealthKey key) {
        return entries.getOrDefault(key, ProbeHealth.UNKNOWN);
    }
}
