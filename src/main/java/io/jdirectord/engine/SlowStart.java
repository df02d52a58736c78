package io.jdirectord.engine;

import io.jdirectord.config.VirtualService;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthSnapshot;
import io.jdirectord.health.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Slow start ({@code slowstart = SECONDS}): a real server that comes back up grows from a small share
 * of its weight to all of it over SECONDS. Keyed per real server of a virtual service; the table keeper
 * feeds it each pass's transitions and asks it for the ramps in force, the monitor asks a pass at least
 * every second while anything ramps (one pass for all ramping servers).
 *
 * <p>What ramps: a transition DOWN to UP, and UNKNOWN to UP once the daemon is warm (its first
 * configuration's first round of checks applied: a real server added by a reload ramps). Servers found
 * up at start do not ramp, as in HAProxy and NGINX: ramping a whole fresh cluster would starve it. A
 * ramp ends when it is complete, when its server is no longer up (it starts from the bottom when the
 * server comes back) or when its virtual service no longer slow-starts. Thread-safe.
 */
final class SlowStart {

    /** The smallest share of the weight a ramping server gets. */
    static final double FLOOR = 0.01;

    private final Map<RealRef, Ramp> ramps = new ConcurrentHashMap<>();
    private volatile boolean warm;

    /** A ramp in progress: when it began, how long it lasts, the health key that must stay UP. */
    record Ramp(Instant began, Duration length, HealthKey key) {

        /** The share of the weight at {@code now}: elapsed / length, at least {@link #FLOOR}, at most 1. */
        double at(Instant now) {
            return share(Duration.between(began, now), length);
        }
    }

    /** The ramp's share after {@code elapsed} of a ramp of {@code length}: in [{@link #FLOOR}, 1]. */
    static double share(Duration elapsed, Duration length) {
        if (length.isZero() || elapsed.compareTo(length) >= 0) {
            return 1.0;
        }
        double fraction = (double) Math.max(0, elapsed.toMillis()) / length.toMillis();
        return Math.max(FLOOR, fraction);
    }

    /** From now on, a real server coming up from UNKNOWN ramps too (the start is over). */
    void warm() {
        warm = true;
    }

    /**
     * Starts the ramps of the real servers {@code transitions} brought up.
     *
     * @return the real servers that began to ramp, in transition order
     */
    List<RealRef> observe(Running running, List<HealthEvent.Transition> transitions) {
        List<RealRef> began = new ArrayList<>();
        for (HealthEvent.Transition transition : transitions) {
            if (!ramps(transition)) {
                continue;
            }
            for (ProbeIndex.Use use : running.index().usesOf(transition.key())) {
                VirtualService virtual = use.virtual();
                if (virtual.shaping().slowStarts()) {
                    RealRef ref = new RealRef(virtual.key(), use.real().endpoint());
                    ramps.put(ref, new Ramp(transition.at(), virtual.shaping().slowStart(), transition.key()));
                    began.add(ref);
                }
            }
        }
        return began;
    }

    private boolean ramps(HealthEvent.Transition transition) {
        return transition.to() == HealthStatus.UP
                && (transition.from() == HealthStatus.DOWN || (warm && transition.from() == HealthStatus.UNKNOWN));
    }

    /**
     * The ramp of every real server still ramping at {@code now}; forgets the ramps that ended (complete,
     * server no longer up, virtual service gone or no longer slow-starting).
     */
    Map<RealRef, Double> ramps(Running running, HealthSnapshot health, Instant now) {
        Map<RealRef, Double> shares = new HashMap<>();
        if (ramps.isEmpty()) {
            return shares;
        }
        Set<VirtualServiceKey> slowStarting = running.config().virtualServices().stream()
                .filter(v -> v.shaping().slowStarts())
                .map(VirtualService::key)
                .collect(Collectors.toSet());
        ramps.forEach((ref, ramp) -> {
            double share = ramp.at(now);
            if (share >= 1.0 || !health.get(ramp.key()).isUp() || !slowStarting.contains(ref.virtual())) {
                ramps.remove(ref, ramp);
            } else {
                shares.put(ref, share);
            }
        });
        return shares;
    }

    /** Whether some real server ramps: the table needs a pass every second. */
    boolean ramping() {
        return !ramps.isEmpty();
    }

    /** The ramps in progress, for the status. */
    Map<RealRef, Ramp> inProgress() {
        return Map.copyOf(ramps);
    }
}
