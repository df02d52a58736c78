package io.jdirectord.engine;

import io.jdirectord.config.Config;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.decision.RealSteer;
import io.jdirectord.decision.RealSteer.Admin;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.ipvs.ServiceEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The operators' say on real servers at run time ({@link ControlCommand}s), kept per real server of each
 * virtual service: its admin state, weight override and drain deadline. A draining real server is
 * drained (out of the table) by the first table pass that lists it with no active or inactive connection,
 * or not at all, or that comes after its deadline. Thread-safe: commands come from the control socket,
 * passes from the table keeper.
 */
final class OperatorControls {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<RealRef, RealControl> controls = new LinkedHashMap<>();

    /** What a table pass gets: each controlled real server's steering, and the drains that ended. */
    record Steered(Map<RealRef, RealSteer> reals, List<DrainEnd> ended) {}

    /** Carries out {@code command} on the real servers of {@code config} it names; changes nothing when it names none. */
    ControlAnswer apply(ControlCommand command, Config config, Instant now) {
        List<Named> named = named(command.target(), config);
        if (named.isEmpty()) {
            return ControlAnswer.error(notFound(command.target(), config));
        }
        List<String> parts = new ArrayList<>();
        int changed = 0;
        lock.lock();
        try {
            for (Named one : named) {
                RealControl before = get(one.ref());
                RealControl after = next(before, command, one.virtual(), now);
                if (after.sameAs(before)) {
                    parts.add(one.ref().real() + " in " + one.ref().virtual().id() + " already " + before.describe());
                    continue;
                }
                put(one.ref(), after);
                changed++;
                parts.add(one.ref().real() + " in " + one.ref().virtual().id() + " " + after.describe() + " (was "
                        + before.describe() + ")");
            }
        } finally {
            lock.unlock();
        }
        return new ControlAnswer(
                true, String.join("; ", parts), named.stream().map(Named::ref).toList(), changed);
    }

    private record Named(VirtualService virtual, RealRef ref) {}

    private static List<Named> named(ControlTarget target, Config config) {
        List<Named> named = new ArrayList<>();
        for (VirtualService virtual : config.virtualServices()) {
            if (target.matches(virtual.key())) {
                virtual.reals().stream()
                        .map(RealServer::endpoint)
                        .filter(target::matches)
                        .distinct()
                        .forEach(real -> named.add(new Named(virtual, new RealRef(virtual.key(), real))));
            }
        }
        return named;
    }

    private static String notFound(ControlTarget target, Config config) {
        boolean virtualKnown = config.virtualServices().stream().anyMatch(v -> target.matches(v.key()));
        if (!virtualKnown) {
            return "no virtual service " + target.virtual().orElse("") + " (see jdirectord status)";
        }
        return "no real server " + target.real() + " in " + target.virtual().orElse("any virtual service");
    }

    private static RealControl next(RealControl before, ControlCommand command, VirtualService virtual, Instant now) {
        String by = command.requester();
        return switch (command.action()) {
            case DISABLE -> new RealControl(Admin.DISABLED, before.weight(), Optional.empty(), by, now);
            case ENABLE -> new RealControl(Admin.ENABLED, before.weight(), Optional.empty(), by, now);
            case DRAIN -> drain(before, command.drainFor().or(virtual::drainTime), by, now);
            case WEIGHT -> new RealControl(before.admin(), command.weight(), before.deadline(), by, now);
            case WEIGHT_RESET -> new RealControl(before.admin(), OptionalInt.empty(), before.deadline(), by, now);
        };
    }

    /** Draining starts from enabled or draining (a new deadline); a disabled or drained server is out already. */
    private static RealControl drain(RealControl before, Optional<Duration> within, String by, Instant now) {
        if (before.admin() == Admin.DISABLED || before.admin() == Admin.DRAINED) {
            return before;
        }
        return new RealControl(Admin.DRAINING, before.weight(), within.map(now::plus), by, now);
    }

    /**
     * Ends the drains that are over by {@code listed} (the table as the pass listed it) and the clock, and
     * returns every controlled real server's steering.
     */
    Steered steer(Config config, List<ServiceEntry> listed, Instant now) {
        Map<RealRef, RealSteer> reals = new LinkedHashMap<>();
        List<DrainEnd> ended = new ArrayList<>();
        lock.lock();
        try {
            for (Map.Entry<RealRef, RealControl> entry : controls.entrySet()) {
                RealControl control = entry.getValue();
                if (control.admin() == Admin.DRAINING) {
                    Optional<DrainEnd> end = drainEnd(entry.getKey(), control, config, listed, now);
                    if (end.isPresent()) {
                        ended.add(end.get());
                        control = new RealControl(Admin.DRAINED, control.weight(), Optional.empty(), control.by(), now);
                        entry.setValue(control);
                    }
                }
                reals.put(entry.getKey(), control.steer());
            }
        } finally {
            lock.unlock();
        }
        return new Steered(reals, ended);
    }

    private static Optional<DrainEnd> drainEnd(
            RealRef ref, RealControl control, Config config, List<ServiceEntry> listed, Instant now) {
        int connections = connections(ref, config, listed);
        if (connections == 0) {
            return Optional.of(new DrainEnd(ref, 0, false));
        }
        boolean late = control.deadline().map(d -> !now.isBefore(d)).orElse(false);
        return late ? Optional.of(new DrainEnd(ref, connections, true)) : Optional.empty();
    }

    /** The real server's active and inactive connections as listed; 0 when it is not listed. */
    static int connections(RealRef ref, Config config, List<ServiceEntry> listed) {
        Optional<VirtualService> virtual = config.virtualService(ref.virtual());
        Optional<RealServer> real = virtual.flatMap(v ->
                v.reals().stream().filter(r -> r.endpoint().equals(ref.real())).findFirst());
        if (real.isEmpty()) {
            return 0;
        }
        return RemovedDrains.connections(virtual.get(), real.get(), listed);
    }

    /** Whether some real server is draining: passes must then run by the clock, not only on health changes. */
    boolean draining() {
        lock.lock();
        try {
            return controls.values().stream().anyMatch(c -> c.admin() == Admin.DRAINING);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the real servers {@code config} no longer has; returns them. */
    List<RealRef> retain(Config config) {
        List<RealRef> dropped = new ArrayList<>();
        lock.lock();
        try {
            controls.keySet().removeIf(ref -> {
                boolean gone = config.virtualService(ref.virtual())
                        .map(v -> v.reals().stream().noneMatch(r -> r.endpoint().equals(ref.real())))
                        .orElse(true);
                if (gone) {
                    dropped.add(ref);
                }
                return gone;
            });
        } finally {
            lock.unlock();
        }
        return dropped;
    }

    /** Every real server with a control, in the order they were first set. */
    Map<RealRef, RealControl> view() {
        lock.lock();
        try {
            return Collections.unmodifiableMap(new LinkedHashMap<>(controls));
        } finally {
            lock.unlock();
        }
    }

    /** Replaces every control (a restart reading the saved state). */
    void restore(Map<RealRef, RealControl> saved) {
        lock.lock();
        try {
            controls.clear();
            saved.forEach(this::put);
        } finally {
            lock.unlock();
        }
    }

    private RealControl get(RealRef ref) {
        return controls.getOrDefault(
                ref, new RealControl(Admin.ENABLED, OptionalInt.empty(), Optional.empty(), "", Instant.EPOCH));
    }

    private void put(RealRef ref, RealControl control) {
        if (control.neutral()) {
            controls.remove(ref);
        } else {
            controls.put(ref, control);
        }
    }
}
