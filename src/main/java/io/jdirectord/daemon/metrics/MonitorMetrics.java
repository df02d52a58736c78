package io.jdirectord.daemon.metrics;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.Config;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.daemon.observe.MonitorObserver;
import io.jdirectord.engine.ControlAnswer;
import io.jdirectord.engine.ControlCommand;
import io.jdirectord.engine.ProbeLag;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.OpResult;
import io.jdirectord.ipvs.ReconcileReport;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics counted as events happen: checks (duration, results), health transitions, IPVS
 * operations and errors, table passes, scheduler lag and the time of the last result. Labels are
 * bounded by the kinds of checks and operations, never by the number of servers. Thread-safe.
 */
public final class MonitorMetrics implements MonitorObserver {

    /** Check duration buckets in seconds: from a loopback connect to a slow negotiate timeout. */
    private static final double[] CHECK_BUCKETS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30
    };
    /** Scheduler lag buckets in seconds. */
    private static final double[] LAG_BUCKETS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5};

    private final Histogram checkDuration;
    private final Counter checkResults;
    private final Counter transitions;
    private final Counter operations;
    private final Counter errors;
    private final Counter passes;
    private final Gauge lastResult;
    private final Counter commands;
    private final Histogram schedulerLag;
    private final Gauge failsafe;
    private final Counter inconclusive;
    private final Counter stalled;
    /**
     * The data points a result updates, per check type and service: the registry's own lookup by label
     * values (a list of strings hashed on each call) cost more than the update.
     */
    private final Map<CheckType, Map<ServiceKind, CheckPoints>> checkPoints = new ConcurrentHashMap<>();

    private record CheckPoints(DistributionDataPoint duration, CounterDataPoint up, CounterDataPoint down) {}

    public MonitorMetrics(PrometheusRegistry registry, String version) {
        checkDuration = Histogram.builder()
                .name("jdirectord_check_duration_seconds")
                .unit(Unit.SECONDS)
                .help("How long checks took, per check type and service")
                .labelNames("type", "service")
                .classicOnly()
                .classicUpperBounds(CHECK_BUCKETS)
                .withoutExemplars()
                .register(registry);
        checkResults = Counter.builder()
                .name("jdirectord_check_results_total")
                .help("Check results per check type, service and outcome (up or down)")
                .labelNames("type", "service", "outcome")
                .withoutExemplars()
                .register(registry);
        transitions = Counter.builder()
                .name("jdirectord_transitions_total")
                .help("Health status changes of real servers, per new status and cause (check or maintenance)")
                .labelNames("to", "cause")
                .withoutExemplars()
                .register(registry);
        operations = Counter.builder()
                .name("jdirectord_ipvs_operations_total")
                .help("Operations sent to the IPVS table, per operation and result")
                .labelNames("op", "result")
                .withoutExemplars()
                .register(registry);
        errors = Counter.builder()
                .name("jdirectord_ipvs_errors_total")
                .help("IPVS errors: operations the table refused (operation) and table listings that failed (list)")
                .labelNames("kind")
                .withoutExemplars()
                .register(registry);
        passes = Counter.builder()
                .name("jdirectord_table_passes_total")
                .help("Reconcile passes over the IPVS table, per cause (check, configure, repair, stop)")
                .labelNames("cause")
                .withoutExemplars()
                .register(registry);
        commands = Counter.builder()
                .name("jdirectord_control_commands_total")
                .help("Operators' commands on the control socket, per command (disable, enable, drain, weight)"
                        + " and result (ok, error)")
                .labelNames("command", "result")
                .withoutExemplars()
                .register(registry);
        lastResult = Gauge.builder()
                .name("jdirectord_probe_last_result_timestamp_seconds")
                .unit(Unit.SECONDS)
                .help("When the last probe result arrived, in seconds since the epoch")
                .withoutExemplars()
                .register(registry);
        schedulerLag = Histogram.builder()
                .name("jdirectord_scheduler_lag_seconds")
                .unit(Unit.SECONDS)
                .help("How long after its slot the scheduler started a probe run")
                .classicOnly()
                .classicUpperBounds(LAG_BUCKETS)
                .withoutExemplars()
                .register(registry);
        failsafe = Gauge.builder()
                .name("jdirectord_failsafe_active")
                .help("1 while the failsafe holds the table of a virtual service, else 0")
                .labelNames("virtual")
                .withoutExemplars()
                .register(registry);
        inconclusive = Counter.builder()
                .name("jdirectord_probes_inconclusive_total")
                .help("Failed probe results that did not count because the monitor itself was late or stalled,"
                        + " per cause (late-start, stall)")
                .labelNames("cause")
                .withoutExemplars()
                .register(registry);
        stalled = Counter.builder()
                .name("jdirectord_monitor_stalled_seconds_total")
                .unit(Unit.SECONDS)
                .help("How long the monitor stood still in all (GC pauses, CPU starvation), as its stall watch saw")
                .withoutExemplars()
                .register(registry);
        inconclusive.labelValues("late-start").inc(0);
        inconclusive.labelValues("stall").inc(0);
        Info.builder()
                .name("jdirectord_build_info")
                .help("The running jdirectord version")
                .labelNames("version")
                .register(registry)
                .addLabelValues(version);
        errors.labelValues("operation").inc(0);
        errors.labelValues("list").inc(0);
    }

    @Override
    public void configApplied(Config config) {
        config.virtualServices().forEach(v -> failsafe.labelValues(v.key().id()));
    }

    @Override
    public void probeInconclusive(ProbeLag lag) {
        inconclusive.labelValues(lag.cause()).inc();
    }

    @Override
    public void monitorStalled(Duration stall) {
        stalled.inc(seconds(stall.toNanos()));
    }

    @Override
    public void failsafe(VirtualServiceKey virtual, boolean active) {
        failsafe.labelValues(virtual.id()).set(active ? 1 : 0);
    }

    @Override
    public void probeResult(ProbeSpec probe, CheckResult result, Instant finished, Duration startLag) {
        CheckPoints points = pointsOf(probe.check());
        points.duration().observe(seconds(result.elapsed().toNanos()));
        (result.up() ? points.up() : points.down()).inc();
        long finishedNanos = finished.getEpochSecond() * 1_000_000_000L + finished.getNano();
        lastResult.set(seconds(finishedNanos));
        schedulerLag.observe(seconds(startLag.toNanos()));
    }

    private CheckPoints pointsOf(CheckSpec check) {
        return checkPoints
                .computeIfAbsent(check.type(), type -> new ConcurrentHashMap<>())
                .computeIfAbsent(check.service(), service -> points(check));
    }

    private CheckPoints points(CheckSpec check) {
        String type = check.type().ldName();
        String service = check.service().ldName();
        return new CheckPoints(
                checkDuration.labelValues(type, service),
                checkResults.labelValues(type, service, "up"),
                checkResults.labelValues(type, service, "down"));
    }

    @Override
    public void healthEvents(List<HealthEvent> events) {
        for (HealthEvent event : events) {
            if (event instanceof HealthEvent.Transition transition) {
                transitions
                        .labelValues(lower(transition.to()), lower(transition.cause()))
                        .inc();
            }
        }
    }

    @Override
    public void tablePass(String cause, ReconcileReport report) {
        passes.labelValues(cause).inc();
        for (OpResult result : report.results()) {
            operations
                    .labelValues(operation(result.op()), lower(result.outcome()))
                    .inc();
            if (result.outcome() == OpResult.Outcome.FAILED) {
                errors.labelValues("operation").inc();
            }
        }
    }

    @Override
    public void control(String request, ControlAnswer answer) {
        String command = request.split(" ", 2)[0];
        commands.labelValues(ControlCommand.WORDS.contains(command) ? command : "other", answer.result())
                .inc();
    }

    @Override
    public void tableUnreadable(String cause, IpvsException error) {
        errors.labelValues("list").inc();
    }

    /** The operation's label: add_service, edit_service, delete_service, add_destination, ... */
    static String operation(IpvsOp op) {
        return switch (op) {
            case IpvsOp.AddService ignored -> "add_service";
            case IpvsOp.EditService ignored -> "edit_service";
            case IpvsOp.DeleteService ignored -> "delete_service";
            case IpvsOp.AddDestination ignored -> "add_destination";
            case IpvsOp.EditDestination ignored -> "edit_destination";
            case IpvsOp.DeleteDestination ignored -> "delete_destination";
        };
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
