package io.jdirectord.engine;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.health.HealthKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code jdirectord status} shows beside the table: each probe's last result and when each health
 * state last changed. Written from probe threads, read by the control socket. Thread-safe.
 */
public final class StatusBoard {

    /** A probe's latest result and when it finished. */
    public record LastResult(CheckResult result, Instant at) {}

    private final Map<ProbeSpec, LastResult> results = new ConcurrentHashMap<>();
    private final Map<HealthKey, Instant> changes = new ConcurrentHashMap<>();

    void recordResult(ProbeSpec probe, CheckResult result, Instant at) {
        results.put(probe, new LastResult(result, at));
    }

    void recordChange(HealthKey key, Instant at) {
        changes.put(key, at);
    }

    public Optional<LastResult> lastResult(ProbeSpec probe) {
        return Optional.ofNullable(results.get(probe));
    }

    public Optional<Instant> lastChange(HealthKey key) {
        return Optional.ofNullable(changes.get(key));
    }

    /** Forgets probes and keys no longer configured (after a reload). */
    void retain(Set<ProbeSpec> probes, Set<HealthKey> keys) {
        results.keySet().retainAll(probes);
        changes.keySet().retainAll(keys);
    }
}
