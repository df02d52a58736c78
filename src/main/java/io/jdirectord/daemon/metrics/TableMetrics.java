package io.jdirectord.daemon.metrics;

import io.jdirectord.daemon.status.StatusReport;
import io.jdirectord.daemon.status.StatusSource;
import io.jdirectord.ipvs.IpvsException;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The metrics read from the daemon's status at each scrape (one table listing per scrape): per real
 * server (labels virtual, real) its health, configured and current weight and last change; per virtual
 * service (label virtual) its real servers, those up, whether it is in the table and whether its
 * fallback is active, and how many of its real servers ramp up (slowstart) or are steered out, drained or
 * not answered by their load agents (counts per service, not per server, to bound the series). Series
 * exist only while their server is configured; a real server a reload removed, while it drains, counts only
 * as {@code draining} in the admin states of its service (whose per-service series last as long as it has
 * one). When the table cannot be listed, the scrape carries none of them.
 */
public final class TableMetrics implements MultiCollector {

    private static final String REAL_UP = "jdirectord_real_server_up";
    private static final String REAL_CONFIGURED_WEIGHT = "jdirectord_real_server_configured_weight";
    private static final String REAL_WEIGHT = "jdirectord_real_server_weight";
    private static final String REAL_LAST_CHANGE = "jdirectord_real_server_last_change_timestamp_seconds";
    private static final String VIRTUAL_REALS = "jdirectord_virtual_service_real_servers";
    private static final String VIRTUAL_REALS_UP = "jdirectord_virtual_service_real_servers_up";
    private static final String VIRTUAL_IN_TABLE = "jdirectord_virtual_service_in_table";
    private static final String VIRTUAL_FALLBACK = "jdirectord_virtual_service_fallback_active";
    private static final String VIRTUAL_SLOW_STARTING = "jdirectord_virtual_service_real_servers_slow_starting";
    private static final String VIRTUAL_AGENT_OUT = "jdirectord_virtual_service_real_servers_agent_out";
    private static final String VIRTUAL_AGENT_DRAINING = "jdirectord_virtual_service_real_servers_agent_draining";
    private static final String VIRTUAL_AGENT_FAILING = "jdirectord_virtual_service_real_servers_agent_failing";
    private static final String VIRTUAL_ADMIN = "jdirectord_virtual_service_real_servers_admin";
    private static final List<String> ADMIN_STATES = List.of("enabled", "disabled", "draining", "drained");

    private final StatusSource status;

    public TableMetrics(StatusSource status) {
        this.status = status;
    }

    @Override
    public MetricSnapshots collect() {
        StatusReport report;
        try {
            report = status.report();
        } catch (IpvsException e) {
            return new MetricSnapshots();
        }
        return new MetricSnapshots(
                perReal(
                        gauge(REAL_UP, "1 when the real server's health is up, 0 when down or not checked yet"),
                        report,
                        real -> OptionalDouble.of(real.isUp() ? 1 : 0)),
                perReal(
                        gauge(REAL_CONFIGURED_WEIGHT, "The real server's weight in the configuration"),
                        report,
                        real -> OptionalDouble.of(real.configuredWeight())),
                perReal(
                        gauge(
                                REAL_WEIGHT,
                                "The real server's weight in the IPVS table now (absent when not in the table)"),
                        report,
                        real -> real.currentWeight().stream().asDoubleStream().findFirst()),
                perReal(
                        gauge(
                                        REAL_LAST_CHANGE,
                                        "When the real server's health last changed, in seconds since the epoch"
                                                + " (absent when unchanged since start)")
                                .unit(Unit.SECONDS),
                        report,
                        real -> seconds(real.lastChange())),
                perVirtual(
                        gauge(VIRTUAL_REALS, "Real servers configured in the virtual service"),
                        report,
                        s -> count(s, real -> !real.removed())),
                perVirtual(
                        gauge(VIRTUAL_REALS_UP, "Real servers of the virtual service whose health is up"),
                        report,
                        StatusReport.Service::realsUp),
                perVirtual(
                        gauge(VIRTUAL_IN_TABLE, "1 when the virtual service is in the IPVS table"),
                        report,
                        s -> s.inTable() ? 1 : 0),
                perVirtual(
                        gauge(VIRTUAL_FALLBACK, "1 when the virtual service's fallback server is in the table"),
                        report,
                        s -> s.fallbackActive() ? 1 : 0),
                perVirtual(
                        gauge(VIRTUAL_SLOW_STARTING, "Real servers of the virtual service ramping up (slowstart)"),
                        report,
                        s -> count(s, real -> real.slowStart().isPresent())),
                perVirtual(
                        gauge(VIRTUAL_AGENT_OUT, "Real servers whose load agent says maint or down"),
                        report,
                        s -> count(s, real -> agentSays(real, "maint") || agentSays(real, "down"))),
                perVirtual(
                        gauge(VIRTUAL_AGENT_DRAINING, "Real servers whose load agent says drain"),
                        report,
                        s -> count(s, real -> agentSays(real, "drain"))),
                perVirtual(
                        gauge(
                                VIRTUAL_AGENT_FAILING,
                                "Real servers whose load agent cannot be asked (its last answer stays in force)"),
                        report,
                        s -> count(
                                s,
                                real -> real.agent()
                                        .map(a -> !a.failure().isEmpty())
                                        .orElse(false))),
                byAdmin(report));
    }

    private static long count(StatusReport.Service service, Predicate<StatusReport.Real> which) {
        return service.reals().stream().filter(which).count();
    }

    private static boolean agentSays(StatusReport.Real real, String state) {
        return real.agent().map(a -> a.answer().startsWith(state + " ")).orElse(false);
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(
                REAL_UP,
                REAL_CONFIGURED_WEIGHT,
                REAL_WEIGHT,
                REAL_LAST_CHANGE,
                VIRTUAL_REALS,
                VIRTUAL_REALS_UP,
                VIRTUAL_IN_TABLE,
                VIRTUAL_FALLBACK,
                VIRTUAL_SLOW_STARTING,
                VIRTUAL_AGENT_OUT,
                VIRTUAL_AGENT_DRAINING,
                VIRTUAL_AGENT_FAILING,
                VIRTUAL_ADMIN);
    }

    /** Per virtual service, its real servers in each admin state an operator set (label admin). */
    private static GaugeSnapshot byAdmin(StatusReport report) {
        GaugeSnapshot.Builder gauge = gauge(
                VIRTUAL_ADMIN,
                "Real servers of the virtual service by the admin state operators set at run time"
                        + " (enabled, disabled, draining, drained)");
        for (StatusReport.Service service : report.services()) {
            for (String admin : ADMIN_STATES) {
                long count = service.reals().stream()
                        .filter(real -> real.control()
                                .map(StatusReport.Control::admin)
                                .orElse("enabled")
                                .equals(admin))
                        .count();
                gauge.dataPoint(point((double) count, Labels.of("virtual", service.id(), "admin", admin)));
            }
        }
        return gauge.build();
    }

    private static GaugeSnapshot.Builder gauge(String name, String help) {
        return GaugeSnapshot.builder().name(name).help(help);
    }

    private static GaugeSnapshot perReal(
            GaugeSnapshot.Builder gauge, StatusReport report, Function<StatusReport.Real, OptionalDouble> value) {
        for (StatusReport.Service service : report.services()) {
            for (StatusReport.Real real : service.reals()) {
                if (real.removed()) {
                    continue;
                }
                value.apply(real)
                        .ifPresent(number -> gauge.dataPoint(
                                point(number, Labels.of("virtual", service.id(), "real", real.address()))));
            }
        }
        return gauge.build();
    }

    private static GaugeSnapshot perVirtual(
            GaugeSnapshot.Builder gauge, StatusReport report, Function<StatusReport.Service, Number> value) {
        for (StatusReport.Service service : report.services()) {
            gauge.dataPoint(point(value.apply(service).doubleValue(), Labels.of("virtual", service.id())));
        }
        return gauge.build();
    }

    private static GaugeDataPointSnapshot point(double value, Labels labels) {
        return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
    }

    private static OptionalDouble seconds(Optional<Instant> at) {
        return at.map(instant -> OptionalDouble.of(instant.getEpochSecond() + instant.getNano() / 1e9))
                .orElse(OptionalDouble.empty());
    }
}
