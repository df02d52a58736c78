package io.jdirectord.engine;

import io.jdirectord.check.Check;
import io.jdirectord.check.CheckFactory;
import io.jdirectord.check.CheckResult;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.schedule.PreparedProbes;
import io.jdirectord.schedule.ProbeListener;
import io.jdirectord.schedule.ProbeScheduler;
import io.jdirectord.schedule.ProbeSetupException;
import io.jdirectord.schedule.ScheduledProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link ProbeScheduler} that runs nothing by itself: {@link #advance} moves the {@link ManualClock}
 * and runs, on the caller's thread and in time order, every probe that falls due on the way, answered
 * by the checks its factory ({@link FakeChecks} in scenarios) built for it; probes due at the same
 * instant run in the order they were first scheduled (never in hash order, which changes from run to
 * run). A new probe is due at once, then every interval; a probe kept by a reload keeps its phase and
 * its check, as the real scheduler promises, and a check that cannot be built changes nothing.
 */
final class ManualProbeScheduler implements ProbeScheduler {

    private final ProbeListener listener;
    private final ManualClock clock;
    private final CheckFactory checks;
    private final Map<ProbeSpec, Duration> intervals = new HashMap<>();
    private final Map<ProbeSpec, Check> built = new HashMap<>();
    private final Map<ProbeSpec, Instant> due = new LinkedHashMap<>();
    private boolean closed;
    private int runs;

    ManualProbeScheduler(ProbeListener listener, ManualClock clock, CheckFactory checks) {
        this.listener = listener;
        this.clock = clock;
        this.checks = checks;
    }

    @Override
    public PreparedProbes prepare(Collection<ScheduledProbe> probes) {
        Map<ProbeSpec, Check> created = new HashMap<>();
        for (ScheduledProbe probe : probes) {
            if (!built.containsKey(probe.spec()) && !created.containsKey(probe.spec())) {
                try {
                    created.put(probe.spec(), checks.create(probe.spec()));
                } catch (RuntimeException e) {
                    throw new ProbeSetupException(probe.spec(), e);
                }
            }
        }
        return new PreparedProbes(List.copyOf(probes), created);
    }

    @Override
    public void schedule(PreparedProbes prepared) {
        Set<ProbeSpec> wanted =
                prepared.probes().stream().map(ScheduledProbe::spec).collect(Collectors.toSet());
        due.keySet().retainAll(wanted);
        intervals.keySet().retainAll(wanted);
        built.keySet().retainAll(wanted);
        for (ScheduledProbe probe : prepared.probes()) {
            intervals.put(probe.spec(), probe.interval());
            due.putIfAbsent(probe.spec(), clock.instant());
            built.computeIfAbsent(probe.spec(), spec -> prepared.checks().get(spec));
        }
    }

    /** Moves the clock on by {@code by}, running every probe due until then. */
    void advance(Duration by) {
        Instant end = clock.instant().plus(by);
        for (Optional<Map.Entry<ProbeSpec, Instant>> next = nextDue(end);
                !closed && next.isPresent();
                next = nextDue(end)) {
            ProbeSpec probe = next.get().getKey();
            if (next.get().getValue().isAfter(clock.instant())) {
                clock.set(next.get().getValue());
            }
            due.put(probe, next.get().getValue().plus(intervals.get(probe)));
            runs++;
            listener.onResult(probe, run(built.get(probe)), clock.instant());
        }
        clock.set(end);
    }

    private static CheckResult run(Check check) {
        try {
            return check.run(null);
        } catch (Exception e) {
            return CheckResult.down(e.toString());
        }
    }

    private Optional<Map.Entry<ProbeSpec, Instant>> nextDue(Instant end) {
        return due.entrySet().stream()
                .filter(entry -> !entry.getValue().isAfter(end))
                .min(Comparator.comparing(Map.Entry::getValue))
                .map(entry -> Map.entry(entry.getKey(), entry.getValue()));
    }

    /** How many probe runs were delivered so far. */
    int runs() {
        return runs;
    }

    /** Whether some probe is scheduled. */
    boolean scheduled() {
        return !due.isEmpty();
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
