package io.jdirectord.engine;

import io.jdirectord.config.Config;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.decision.IpvsSettings;
import io.jdirectord.decision.RealSteer.Admin;
import io.jdirectord.decision.RemovedReal;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthSnapshot;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The real servers that reloads removed and that drain ({@link RemovedDrain}), until a table pass ends
 * their drain by the rule of an operator's {@code drain}: when the table lists them with no active or
 * inactive connection, or not at all, or once their deadline has passed. A drain is judged from the pass
 * after the one that began it, so that its weight 0 is in the table before its connections are read.
 * Thread-safe: reloads come from the control thread, passes from the table keeper.
 */
final class RemovedDrains {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<RealRef, RemovedDrain> drains = new LinkedHashMap<>();
    /** The drains a pass has already seen at weight 0: judged from the next pass on. */
    private final Set<RealRef> seen = new HashSet<>();

    /** What a table pass gets: the removed real servers still draining, and the drains that ended. */
    record Steered(List<RemovedReal> draining, List<DrainEnd> ended) {}

    /**
     * The drains that a reload from {@code previous} to {@code next} at {@code now} begins: one for each real
     * server of {@code previous} whose virtual service had a draintime, that {@code next} no longer has in
     * that service (or whose service it no longer has), that is up and listed, and that no operator has
     * disabled or drained. Its deadline is {@code now} + draintime, or an operator's drain's when sooner. A
     * real server whose table key a real server of {@code next}'s service still has leaves nothing to drain.
     */
    static List<RemovedDrain> begin(
            Config previous,
            Config next,
            HealthSnapshot health,
            Map<RealRef, RealControl> controls,
            List<ServiceEntry> listed,
            Instant now) {
        Map<RealRef, RemovedDrain> began = new LinkedHashMap<>();
        for (VirtualService virtual : previous.virtualServices()) {
            Optional<Duration> drainTime = virtual.drainTime();
            if (drainTime.isEmpty()) {
                continue;
            }
            for (RealServer real : virtual.reals()) {
                RemovedReal removed = new RemovedReal(virtual, real);
                Optional<RealControl> control = Optional.ofNullable(controls.get(removed.ref()));
                boolean out = control.map(c -> c.admin() == Admin.DISABLED || c.admin() == Admin.DRAINED)
                        .orElse(false);
                if (out
                        || configured(next, removed)
                        || !health.get(HealthKey.of(virtual, real)).isUp()
                        || !listed(removed, listed)) {
                    continue;
                }
                Instant deadline = now.plus(drainTime.get());
                Instant operators = control.flatMap(RealControl::deadline).orElse(Instant.MAX);
                began.putIfAbsent(
                        removed.ref(),
                        new RemovedDrain(removed, operators.isBefore(deadline) ? operators : deadline, now));
            }
        }
        return List.copyOf(began.values());
    }

    /**
     * The health keys of the real servers of {@code next} that take back a draining one: they were up when
     * their drain began and are still listed, so they are presumed up (as at start) until their first check,
     * instead of leaving the table as unknown.
     */
    Set<HealthKey> presumedUp(Config next) {
        Set<HealthKey> presumed = new HashSet<>();
        lock.lock();
        try {
            for (RemovedDrain drain : drains.values()) {
                next.virtualService(drain.ref().virtual())
                        .ifPresent(
                                v -> takenBack(next, drain.removed()).forEach(r -> presumed.add(HealthKey.of(v, r))));
            }
        } finally {
            lock.unlock();
        }
        return presumed;
    }

    /**
     * Puts a reload in force: cancels the drains of the real servers {@code next} configures again (in the
     * same virtual service, or at the same table key there), which are managed again by their new settings,
     * and adds {@code began}.
     *
     * @return the drains cancelled
     */
    List<RealRef> reload(List<RemovedDrain> began, Config next) {
        List<RealRef> cancelled = new ArrayList<>();
        lock.lock();
        try {
            drains.values().removeIf(drain -> {
                boolean again = configured(next, drain.removed());
                if (again) {
                    cancelled.add(drain.ref());
                    seen.remove(drain.ref());
                }
                return again;
            });
            began.forEach(drain -> drains.put(drain.ref(), drain));
        } finally {
            lock.unlock();
        }
        return cancelled;
    }

    /** Ends the drains that are over by {@code listed} (the table as the pass listed it) and the clock. */
    Steered steer(List<ServiceEntry> listed, Instant now) {
        List<DrainEnd> ended = new ArrayList<>();
        List<RemovedReal> draining = new ArrayList<>();
        lock.lock();
        try {
            for (Iterator<RemovedDrain> it = drains.values().iterator(); it.hasNext(); ) {
                RemovedDrain drain = it.next();
                Optional<DrainEnd> end = seen.add(drain.ref()) ? Optional.empty() : end(drain, listed, now);
                if (end.isPresent()) {
                    ended.add(end.get());
                    seen.remove(drain.ref());
                    it.remove();
                } else {
                    draining.add(drain.removed());
                }
            }
        } finally {
            lock.unlock();
        }
        return new Steered(draining, ended);
    }

    private static Optional<DrainEnd> end(RemovedDrain drain, List<ServiceEntry> listed, Instant now) {
        int connections = connections(drain.removed().virtual(), drain.removed().real(), listed);
        if (connections == 0) {
            return Optional.of(new DrainEnd(drain.ref(), 0, false));
        }
        return now.isBefore(drain.deadline())
                ? Optional.empty()
                : Optional.of(new DrainEnd(drain.ref(), connections, true));
    }

    /** Whether some removed real server is draining: passes must then run by the clock. */
    boolean draining() {
        lock.lock();
        try {
            return !drains.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** The drains in progress, in the order they began. */
    List<RemovedDrain> view() {
        lock.lock();
        try {
            return List.copyOf(drains.values());
        } finally {
            lock.unlock();
        }
    }

    /** The real server's active and inactive connections in its service as listed; 0 when it is not listed. */
    static int connections(VirtualService virtual, RealServer real, List<ServiceEntry> listed) {
        return listedAs(virtual, real, listed)
                .mapToInt(d -> d.activeConnections() + d.inactiveConnections())
                .sum();
    }

    private static boolean listed(RemovedReal removed, List<ServiceEntry> listed) {
        return listedAs(removed.virtual(), removed.real(), listed).findAny().isPresent();
    }

    private static Stream<ServiceEntry.DestinationEntry> listedAs(
            VirtualService virtual, RealServer real, List<ServiceEntry> listed) {
        ServiceKey service = IpvsSettings.serviceKey(virtual.key());
        DestinationKey destination = IpvsSettings.destinationKey(virtual, real);
        return listed.stream()
                .filter(entry -> entry.service().key().equals(service))
                .flatMap(entry -> entry.destinations().stream())
                .filter(d -> d.destination().key().equals(destination));
    }

    /** Whether {@code config}'s service of the removed real server has it again, or a real server at its table key. */
    private static boolean configured(Config config, RemovedReal removed) {
        return takenBack(config, removed).findAny().isPresent();
    }

    /** The real servers of {@code config}'s service of the removed one that are it again or have its table key. */
    private static Stream<RealServer> takenBack(Config config, RemovedReal removed) {
        DestinationKey key = IpvsSettings.destinationKey(removed.virtual(), removed.real());
        return config.virtualService(removed.virtual().key()).stream()
                .flatMap(v -> v.reals().stream()
                        .filter(r -> r.endpoint().equals(removed.real().endpoint())
                                || IpvsSettings.destinationKey(v, r).equals(key)));
    }
}
