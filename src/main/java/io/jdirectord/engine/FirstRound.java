package io.jdirectord.engine;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.schedule.ScheduledProbe;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tracks the first round of checks after start or reload: complete once every scheduled probe has
 * reported at least once. Thread-safe; {@link #report} returns true exactly once, for the result that
 * completes the round.
 */
public final class FirstRound {

    private final Set<ProbeSpec> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean announced = new AtomicBoolean();

    FirstRound(List<ScheduledProbe> probes) {
        probes.forEach(probe -> waiting.add(probe.spec()));
    }

    /** Counts a result; true when it was the last probe the round waited for. Once announced, costs a read. */
    boolean report(ProbeSpec probe) {
        return !announced.get() && waiting.remove(probe) && waiting.isEmpty() && announced.compareAndSet(false, true);
    }

    /** True (once) when there is nothing to wait for: no probes at all. */
    boolean complete() {
        return waiting.isEmpty() && announced.compareAndSet(false, true);
    }
}
