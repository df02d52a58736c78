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
 * <p>New probes go through a {@link FirstRunRamp}: at most so many of them are in their first run at once,
 * and a probe refused a place tries again at its slot's next fire. A start or reload with 10,000 real
 * servers thus reaches its full rate as fast as the first runs complete, instead of putting every first
 * probe in flight at once on a cold JVM, where they overran their timeouts and held hundreds of MB.
 */
final class ProbeSlots {

    private final CheckFactory checks;
    private final ProbeEnvironment environment;
    private final FirstRunRamp ramp;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<ProbeSpec, Slotted> runners = new HashMap<>();
    private volatile Map<SlotKey, List<Slotted>> slots = Map.of();
    private volatile boolean open = true;

    /** A scheduled probe: its runner and the gate its runs pass once its first run has had a place. */
    private record Slotted(ProbeRunner runner, FirstRunRamp.Gate gate) {}

    ProbeSlots(CheckFactory checks, ProbeEnvironment environment) {
        this(checks, environment, new FirstRunRamp());
    }

    /** @param ramp bounds how many new probes are in their first run at once */
    ProbeSlots(CheckFactory checks, ProbeEnvironment environment, FirstRunRamp ramp) {
        this.checks = checks;
        this.environment = environment;
        this.ramp = ramp;
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
            Map<ProbeSpec, Slotted> kept = new HashMap<>();
            Map<SlotKey, List<Slotted>> grouped = new HashMap<>();
            for (ScheduledProbe probe : prepared.probes()) {
                Slotted slotted = runners.get(probe.spec());
                if (slotted == null) {
                    Check check = prepared.checks().get(probe.spec());
                    slotted = slotted(probe, check != null ? check : build(probe.spec()));
                } else {
                    slotted.runner().interval(probe.interval());
                }
                kept.put(probe.spec(), slotted);
                grouped.computeIfAbsent(SlotKey.of(probe.spec(), probe.interval()), k -> new ArrayList<>())
                        .add(slotted);
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

    /** A new probe: its first result gives its place in the ramp back. */
    private Slotted slotted(ScheduledProbe probe, Check check) {
        FirstRunRamp.Gate gate = ramp.gate(environment.listener());
        ProbeEnvironment told = new ProbeEnvironment(
                environment.executor(), environment.runner(), gate, environment.clock(), environment.overruns());
        return new Slotted(new ProbeRunner(probe.spec(), check, probe.interval(), told, () -> open), gate);
    }

    /** How many new probes are in their first run now. */
    int firstRunsInFlight() {
        return ramp.inFlight();
    }

    /** Starts every probe of {@code slot} that is not still running, due now. Returns how many started. */
    int fire(SlotKey slot) {
        return fire(slot, environment.clock().instant());
    }

    /**
     * Starts every probe of {@code slot} that is not still running, due at {@code scheduled} (their start lag
     * is measured from it), a new probe only when the ramp has a place for its first run. Returns how many
     * started.
     */
    int fire(SlotKey slot, Instant scheduled) {
        if (!open) {
            return 0;
        }
        int started = 0;
        for (Slotted probe : slots.getOrDefault(slot, List.of())) {
            if (probe.gate().fire(probe.runner(), scheduled)) {
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
