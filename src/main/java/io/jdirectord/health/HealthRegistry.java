package io.jdirectord.health;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.ProbeSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every {@link HealthState} of the running configuration, keyed by {@link HealthKey}. One probe result
 * is fed once to each state of that probe. Thread-safe: results arrive from many probe threads at once;
 * each call holds one lock for microseconds (a {@link ReentrantLock}, so virtual threads never pin).
 * Returned events are in key order and already applied; the caller logs them and reconciles.
 */
public final class HealthRegistry {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<HealthKey, HealthState> states = new LinkedHashMap<>();
    private final Map<ProbeSpec, List<HealthState>> byProbe = new HashMap<>();
    private final Set<Endpoint> inMaintenance = new HashSet<>();

    /**
     * Makes the registry hold exactly {@code keys} (at start and on every reload): states of keys it
     * already holds are kept with their counts, new keys start presumed up when in {@code presumedUp} and
     * UNKNOWN otherwise, keys no longer listed are dropped. A new key of a server in maintenance enters
     * maintenance at once.
     *
     * @return the events of new keys entering maintenance
     */
    public List<HealthEvent> configure(Collection<HealthKey> keys, Set<HealthKey> presumedUp, Instant now) {
        lock.lock();
        try {
            Map<HealthKey, HealthState> kept = new LinkedHashMap<>();
            List<HealthEvent> events = new ArrayList<>();
            for (HealthKey key : keys) {
                HealthState state = states.get(key);
                if (state == null) {
                    state = HealthState.create(key, presumedUp.contains(key), now);
                    if (inMaintenance.contains(key.probe().real())) {
                        events.addAll(state.maintenance(true, now));
                    }
                }
                kept.put(key, state);
            }
            states.clear();
            states.putAll(kept);
            reindex();
            return events;
        } finally {
            lock.unlock();
        }
    }

    private void reindex() {
        byProbe.clear();
        for (HealthState state : states.values()) {
            byProbe.computeIfAbsent(state.key().probe(), probe -> new ArrayList<>(1))
                    .add(state);
        }
    }

    /** Counts one result of {@code probe} in every state fed by it; nothing when no key uses it. */
    public List<HealthEvent> record(ProbeSpec probe, CheckResult result, Instant now) {
        lock.lock();
        try {
            List<HealthEvent> events = List.of();
            for (HealthState state : byProbe.getOrDefault(probe, List.of())) {
                List<HealthEvent> more = state.record(result, now);
                if (!more.isEmpty()) {
                    events = events.isEmpty() ? more : concat(events, more);
                }
            }
            return events;
        } finally {
            lock.unlock();
        }
    }

    private static List<HealthEvent> concat(List<HealthEvent> first, List<HealthEvent> second) {
        List<HealthEvent> both = new ArrayList<>(first.size() + second.size());
        both.addAll(first);
        both.addAll(second);
        return both;
    }

    /**
     * Sets whether the maintenance directory names the real server {@code real} (its address and
     * configured port), for every key probing it. Idempotent: call it as often as the directory is read.
     */
    public List<HealthEvent> maintenance(Endpoint real, boolean on, Instant now) {
        lock.lock();
        try {
            boolean changed = on ? inMaintenance.add(real) : inMaintenance.remove(real);
            if (!changed) {
                return List.of();
            }
            List<HealthEvent> events = new ArrayList<>();
            for (HealthState state : states.values()) {
                if (state.key().probe().real().equals(real)) {
                    events.addAll(state.maintenance(on, now));
                }
            }
            return events;
        } finally {
            lock.unlock();
        }
    }

    /** An immutable copy of every key's status and dynamic weight. */
    public HealthSnapshot snapshot() {
        lock.lock();
        try {
            Map<HealthKey, ProbeHealth> entries = new HashMap<>(states.size() * 2);
            states.forEach((key, state) -> entries.put(key, state.view()));
            return new HealthSnapshot(entries);
        } finally {
            lock.unlock();
        }
    }
}
