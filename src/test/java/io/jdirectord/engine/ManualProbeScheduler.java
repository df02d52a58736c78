package io.jdirectord.engine;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.schedule.ProbeListener;
import io.jdirectord.schedule.ProbeScheduler;
import io.jdirectord.schedule.ScheduledProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link ProbeScheduler} that runs nothing by itself: {@link #advance} moves the {@link ManualClock}
 * and runs, on the caller's thread and in time order, every probe that falls due on the way, answered
 * by {@link FakeChecks}. A new probe is due at once, then every interval; a probe kept by a reload keeps
 * its phase, as the real scheduler promises.
 */
final class ManualProbeScheduler implements ProbeScheduler {

    private final ProbeListener listener;
    private final ManualClock clock;
    private final FakeChecks checks;
    private final Map<ProbeSpec, Duration> intervals = new HashMap<>();
    private final Map<ProbeSpec, Instant> due = new HashMap<>();
    private boolean closed;
    private int runs;

    ManualProbeScheduler(ProbeListener listener, ManualClock clock, FakeChecks checks) {
        this.listener = listener;
        this.clock = clock;
        this.checks = checks;
    }

    @Override
    public void schedule(Collection<ScheduledProbe> probes) {
        Set<ProbeSpec> wanted = probes.stream().map(ScheduledProbe::spec).collect(Collectors.toSet());
        due.keySet().retainAll(wanted);
        intervals.keySet().retainAll(wanted);
        for (ScheduledProbe probe : probes) {
            intervals.put(probe.spec(), probe.interval());
            due.putIfAbsent(probe.spec(), clock.instant());
        }
    }

    /** Moves the clock on by {@code by}, running every probe due until then. */
    void advance(Duration by) {
        Instant end = clock.instant().plus(by);
        for (Optional<Map.Entry<ProbeSpec, Instant>> next = nextDue(end); !closed && next.isPresent();
                next = nextDue(end)) {
            ProbeSpec probe = next.get().getKey();
            if (next.get().getValue().isAfter(clock.instant())) {
                clock.set(next.get().getValue());
            }
            due.put(probe, next.get().getValue().plus(intervals.get(probe)));
            runs++;
            listener.onResult(probe, checks.answer(probe), clock.instant());
        }
        clock.set(end);
    }

    private Optional<Map.Entry<ProbeSpec, Instant>> nextDue(Instant end) {
        return due.entrySet().stream().filter(entry -> !entry.getValue().isAfter(end))
                .min(Comparator.comparing(Map.Entry::getValue))
                .map(entry -> Map.entry(entry.getKey(), entry.getValue()));
    }

    /** How many probe runs were delivered so far. */
    int runs() {
        return runs;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        due.clear();
    }
}
