package io.jdirectord.daemon.metrics;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.schedule.ScheduledProbe;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Estimates how long after its slot each probe run started, from the run's start (result time minus
 * elapsed) alone. The scheduler starts a probe's runs on a fixed grid, {@code slot + k × interval}, and a
 * run can start late but never early, so the slot is learned as the earliest start offset seen modulo
 * the interval. An offset more than half an interval before the learned slot is taken as an earlier slot
 * (lag 0). Limits: lags of half an interval or more are misread, and so is the first lag of a probe
 * whose first run was late (until an on-time run shows the slot). Times are epoch nanoseconds.
 * Thread-safe.
 */
final class SchedulerLag {

    private record Grid(long interval, long slot) {}

    private final Map<ProbeSpec, Grid> grids = new ConcurrentHashMap<>();
    private volatile Map<ProbeSpec, Long> intervals = Map.of();

    /** The probes scheduled from now on; forgets the others and those whose interval changed. */
    void configured(List<ScheduledProbe> probes) {
        Map<ProbeSpec, Long> next = probes.stream()
                .collect(Collectors.toUnmodifiableMap(
                        ScheduledProbe::spec, probe -> probe.interval().toNanos(), Math::min));
        grids.entrySet()
                .removeIf(entry -> !Long.valueOf(entry.getValue().interval()).equals(next.get(entry.getKey())));
        intervals = next;
    }

    /**
     * The lag of a run of {@code probe} that started at {@code start}; empty for a probe that is not
     * scheduled and for the first run seen, which only sets the slot.
     */
    OptionalLong lag(ProbeSpec probe, long start) {
        Long interval = intervals.get(probe);
        if (interval == null) {
            return OptionalLong.empty();
        }
        long offset = Math.floorMod(start, interval);
        long[] lag = {-1};
        grids.compute(probe, (key, grid) -> {
            if (grid == null || grid.interval() != interval) {
                return new Grid(interval, offset);
            }
            long late = Math.floorMod(offset - grid.slot(), interval);
            if (late > interval / 2) {
                lag[0] = 0;
                return new Grid(interval, offset);
            }
            lag[0] = late;
            return grid;
        });
        return lag[0] < 0 ? OptionalLong.empty() : OptionalLong.of(lag[0]);
    }
}
