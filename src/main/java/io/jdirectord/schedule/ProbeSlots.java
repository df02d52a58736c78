package io.jdirectord.schedule;

import io.jdirectord.check.Check;
import io.jdirectord.check.CheckFactory;
import io.jdirectord.config.ProbeSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The scheduled probes grouped by {@link SlotKey}, independent of any timer: a timer calls
 * {@link #fire} for a slot and every probe in it starts on its own thread. Thread-safe: {@link #fire}
 * reads an immutable grouping that {@link #update} replaces.
 *
 * <p>New probes start in waves of {@link #WAVE} a second: the first {@code WAVE} probes an update adds
 * may run at once, the next ones from one second later, and so on. A start or reload with 10,000 real
 * servers thus reaches its full rate over ten seconds instead of putting every first probe in flight
 * at once on a cold JVM, where they overran their timeouts and held hundreds of MB.
 */
final class ProbeSlots {

    /** How many new probes may start their first run per second. */
    static final int WAVE = 1_000;

    private final CheckFactory checks;
    private final ProbeEnvironment environment;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<ProbeSpec, ProbeRunner> runners = new HashMap<>();
    private volatile Map<SlotKey, List<ProbeRunner>> slots = Map.of();
    private volatile boolean open = true;

    ProbeSlots(CheckFactory checks, ProbeEnvironment environment) {
        this.checks = checks;
        this.environment = environment;
    }

    /**
     * Makes these the scheduled probes; a probe already scheduled keeps its runner (and so its in-flight
     * run and check). Checks are built first: if one cannot be, nothing changes.
     *
     * @return the slots now in use
     * @throws ProbeSetupException when a check cannot be built
     */
    Set<SlotKey> update(Collection<ScheduledProbe> probes) {
        return update(prepare(probes));
    }

    /**
     * Builds the checks of the probes not scheduled yet, changing nothing.
     *
     * @throws ProbeSetupException when a check cannot be built
     */
    PreparedProbes prepare(Collection<ScheduledProbe> probes) {
        lock.lock();
        try {
            Map<ProbeSpec, Check> created = new HashMap<>();
            for (ScheduledProbe probe : probes) {
                if (!runners.containsKey(probe.spec()) && !created.containsKey(probe.spec())) {
                    created.put(probe.spec(), build(probe.spec()));
                }
            }
            return new PreparedProbes(List.copyOf(probes), created);
        } finally {
            lock.unlock();
        }
    }

    private Check build(ProbeSpec spec) {
        try {
            return checks.create(spec);
        } catch (RuntimeException e) {
            throw new ProbeSetupException(spec, e);
        }
    }

    /**
     * Makes the prepared probes the scheduled ones; a probe already scheduled keeps its runner. A new
     * probe missing from the prepared checks (scheduled and removed since {@link #prepare}) is built now.
     *
     * @return the slots now in use
     */
    Set<SlotKey> update(PreparedProbes prepared) {
        lock.lock();
        try {
            Map<ProbeSpec, ProbeRunner> kept = new HashMap<>();
            Map<SlotKey, List<ProbeRunner>> grouped = new HashMap<>();
            Instant now = environment.clock().instant();
            int added = 0;
            for (ScheduledProbe probe : prepared.probes()) {
                ProbeRunner runner = runners.get(probe.spec());
                if (runner == null) {
                    Instant firstRun = now.plusSeconds(added++ / WAVE);
                    Check check = prepared.checks().get(probe.spec());
                    runner = new ProbeRunner(
                            probe.spec(),
                            check != null ? check : build(probe.spec()),
                            probe.interval(),
                            environment,
                            firstRun,
                            () -> open);
                } else {
                    runner.interval(probe.interval());
                }
                kept.put(probe.spec(), runner);
                grouped.computeIfAbsent(SlotKey.of(probe.spec(), probe.interval()), k -> new ArrayList<>())
                        .add(runner);
            }
            runners.clear();
            runners.putAll(kept);
            grouped.replaceAll((key, list) -> List.copyOf(list));
            slots = Map.copyOf(grouped);
            return slots.keySet();
        } finally {
            lock.unlock();
        }
    }

    /** Starts every probe of {@code slot} that is not still running, due now. Returns how many started. */
    int fire(SlotKey slot) {
        return fire(slot, environment.clock().instant());
    }

    /**
     * Starts every probe of {@code slot} that is not still running, due at {@code scheduled} (their start lag
     * is measured from it). Returns how many started.
     */
    int fire(SlotKey slot, Instant scheduled) {
        if (!open) {
            return 0;
        }
        int started = 0;
        for (ProbeRunner runner : slots.getOrDefault(slot, List.of())) {
            if (runner.fire(scheduled)) {
                started++;
            }
        }
        return started;
    }

    /** Stops firing and delivering results. */
    void close() {
        open = false;
    }
}
