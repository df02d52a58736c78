package io.jdirectord.engine;

import io.jdirectord.check.CheckFactory;
import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Config;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.daemon.report.EventReporter;
import io.jdirectord.decision.PresumedUp;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthRegistry;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsTable;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.schedule.ProbeListener;
import io.jdirectord.schedule.ProbeScheduler;
import io.jdirectord.schedule.QuartzProbeScheduler;
import io.jdirectord.schedule.ScheduledProbes;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The running monitor: probe results flow into health, health changes wake the {@link TableKeeper},
 * which brings the table in line. Owns the scheduler; the {@link Daemon} owns the process.
 * Thread-safety: {@link #onResult} is called from many probe threads at once; {@link #apply} (start and
 * reload) and {@link #stop} from the daemon's control thread.
 */
public final class Monitor implements ProbeListener, AutoCloseable {

    private final HealthRegistry health = new HealthRegistry();
    private final AtomicReference<Running> running = new AtomicReference<>();
    private final StatusBoard status = new StatusBoard();
    private final EventReporter reporter;
    private final TableKeeper keeper;
    private final ProbeScheduler scheduler;
    private final Clock clock;
    private final IpvsTable table;

    /** The configuration in force and what was derived from it. */
    public record Running(Config config, ProbeIndex index, FirstRound firstRound) {
    }

    public Monitor(IpvsTable table, CheckFactory checks, EventReporter reporter, Clock clock) {
        this.table = table;
        this.reporter = reporter;
        this.clock = clock;
        this.keeper = new TableKeeper(table, health, reporter);
        this.scheduler = QuartzProbeScheduler.start(checks, this);
    }

    /**
     * Puts {@code config} in force: health keeps the state of unchanged probes, the scheduler keeps
     * their phase, the table is reconciled at once (adopting what is already there at start).
     *
     * @throws IpvsException when the table cannot be listed (nothing is changed then)
     */
    public void apply(Config config) throws IpvsException {
        List<ServiceEntry> listed = keeper.list();
        Set<HealthKey> keys = HealthKey.allOf(config);
        Running previous = running.get();
        Running next = new Running(config, ProbeIndex.of(config), new FirstRound(ScheduledProbes.from(config)));
        running.set(next);
        Set<VirtualServiceKey> removed = previous == null ? Set.of() : previous.config().virtualServices().stream()
                .map(v -> v.key()).filter(k -> config.virtualService(k).isEmpty()).collect(Collectors.toSet());
        handle(keeper.configure(next, removed, () -> health.configure(keys, PresumedUp.from(config, listed), clock.instant())), next);
        status.retain(next.index().probes(), keys);
        KernelSettings.apply(config, table, reporter.log());
        keeper.reconcileNow("configure");
        scheduler.schedule(ScheduledProbes.from(config));
        reporter.configApplied(config);
        if (next.firstRound().complete()) {
            reporter.firstRoundApplied(next);
        }
    }

    @Override
    public void onResult(ProbeSpec probe, CheckResult result, Instant finished) {
        Running now = running.get();
        status.recordResult(probe, result, finished);
        reporter.probeResult(now, probe, result, finished);
        handle(keeper.change(() -> health.record(probe, result, finished)), now);
        if (now.firstRound().report(probe)) {
            keeper.afterNextPass(() -> reporter.firstRoundApplied(now));
            keeper.requestReconcile();
        }
    }

    /** Sets the maintenance state of every configured real server from the maintenance directory. */
    public void applyMaintenance(MaintenanceScan scan) {
        Running now = running.get();
        Instant at = clock.instant();
        Set<Endpoint> seen = new HashSet<>();
        for (var virtual : now.config().virtualServices()) {
            for (var real : virtual.reals()) {
                if (seen.add(real.endpoint())) {
                    handle(keeper.change(() -> health.maintenance(real.endpoint(), scan.inMaintenance(real.endpoint()), at)), now);
                }
            }
        }
    }

    private void handle(List<HealthEvent> events, Running now) {
        if (events.isEmpty()) {
            return;
        }
        for (HealthEvent event : events) {
            if (event instanceof HealthEvent.Transition transition) {
                status.recordChange(transition.key(), transition.at());
            }
        }
        reporter.healthEvents(events, now);
        if (events.stream().anyMatch(HealthEvent::changesTable)) {
            keeper.requestReconcile();
        }
    }

    /** Repairs drift: re-reads the table and reconciles, logging what had to change. */
    public void repair() {
        keeper.reconcileNow("repair");
    }

    public Running running() {
        return running.get();
    }

    public HealthRegistry health() {
        return health;
    }

    public StatusBoard status() {
        return status;
    }

    public TableKeeper keeper() {
        return keeper;
    }

    /** Stops probing; with {@code cleanStop} removes the virtual services whose cleanstop is yes. */
    public void stop() {
        scheduler.close();
        keeper.removeCleanStopServices(running.get());
    }

    @Override
    public void close() {
        scheduler.close();
        keeper.close();
    }
}
