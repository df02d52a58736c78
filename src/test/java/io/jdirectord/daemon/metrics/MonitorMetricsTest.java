package io.jdirectord.daemon.metrics;

import static io.jdirectord.testing.EngineFixtures.check;
import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.endpoint;
import static io.jdirectord.testing.EngineFixtures.ip;
import static io.jdirectord.testing.EngineFixtures.probe;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.VirtualService;
import io.jdirectord.engine.ControlAnswer;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthStatus;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.OpResult;
import io.jdirectord.ipvs.ReconcileReport;
import io.jdirectord.ipvs.ServiceKey;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MonitorMetricsTest {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final MonitorMetrics metrics = new MonitorMetrics(registry, "1.2.3");

    private static CheckResult took(CheckResult result, long millis) {
        return result.withElapsed(Duration.ofMillis(millis));
    }

    private static HealthEvent.Transition transition(HealthStatus to, HealthEvent.Cause cause) {
        VirtualService virtual =
                tcp("192.0.2.10", 80).real(real("10.0.0.1", 80)).build();
        return new HealthEvent.Transition(
                HealthKey.of(virtual, virtual.reals().get(0)),
                HealthStatus.UP,
                to,
                cause,
                "HTTP 503",
                Duration.ZERO,
                Duration.ZERO,
                Instant.EPOCH);
    }

    @Test
    void countsCheckResultsByTypeServiceAndOutcomeAndTimesThem() {
        ProbeSpec connect = new ProbeSpec(check(CheckType.CONNECT), endpoint("10.0.0.1", 80), Optional.empty());
        metrics.probeResult(probe("10.0.0.1", 80), took(CheckResult.up("HTTP 200"), 3), Instant.EPOCH, Duration.ZERO);
        metrics.probeResult(
                probe("10.0.0.2", 80), took(CheckResult.down("HTTP 503"), 40), Instant.EPOCH, Duration.ZERO);
        metrics.probeResult(probe("10.0.0.3", 80), took(CheckResult.up("HTTP 200"), 4), Instant.EPOCH, Duration.ZERO);
        metrics.probeResult(connect, took(CheckResult.up("connected"), 1), Instant.EPOCH, Duration.ZERO);

        assertThat(Scrape.lines(registry))
                .contains(
                        "jdirectord_check_results_total{outcome=\"up\",service=\"http\",type=\"negotiate\"} 2.0",
                        "jdirectord_check_results_total{outcome=\"down\",service=\"http\",type=\"negotiate\"} 1.0",
                        "jdirectord_check_results_total{outcome=\"up\",service=\"http\",type=\"connect\"} 1.0",
                        "jdirectord_check_duration_seconds_bucket{service=\"http\",type=\"negotiate\",le=\"0.0025\"} 0",
                        "jdirectord_check_duration_seconds_bucket{service=\"http\",type=\"negotiate\",le=\"0.005\"} 2",
                        "jdirectord_check_duration_seconds_bucket{service=\"http\",type=\"negotiate\",le=\"0.05\"} 3",
                        "jdirectord_check_duration_seconds_count{service=\"http\",type=\"negotiate\"} 3");
    }

    @Test
    void recordsWhenTheLastResultArrived() {
        metrics.probeResult(
                probe("10.0.0.1", 80),
                CheckResult.up("HTTP 200"),
                Instant.ofEpochSecond(1_700_000_000, 500_000_000),
                Duration.ZERO);

        assertThat(Scrape.lines(registry)).contains("jdirectord_probe_last_result_timestamp_seconds 1.7000000005E9");
    }

    @Test
    void countsTransitionsByNewStatusAndCause() {
        metrics.healthEvents(List.of(
                transition(HealthStatus.DOWN, HealthEvent.Cause.CHECK),
                transition(HealthStatus.DOWN, HealthEvent.Cause.MAINTENANCE),
                new HealthEvent.SoftFailure(
                        transition(HealthStatus.DOWN, HealthEvent.Cause.CHECK).key(),
                        1,
                        3,
                        "HTTP 503",
                        Instant.EPOCH)));
        metrics.healthEvents(List.of(transition(HealthStatus.DOWN, HealthEvent.Cause.CHECK)));

        assertThat(Scrape.lines(registry))
                .contains(
                        "jdirectord_transitions_total{cause=\"check\",to=\"down\"} 2.0",
                        "jdirectord_transitions_total{cause=\"maintenance\",to=\"down\"} 1.0")
                .filteredOn(line -> line.startsWith("jdirectord_transitions_total"))
                .hasSize(2);
    }

    @Test
    void countsIpvsOperationsByOperationAndResultWithRefusalsAsErrors() {
        ServiceKey service = ServiceKey.of(IpvsProtocol.TCP, ip("192.0.2.10"), 80);
        DestinationKey destination = new DestinationKey(ip("10.0.0.1"), 80);
        IpvsOp add =
                new IpvsOp.AddDestination(service, new IpvsDestination(destination, ForwardingMethod.ROUTE, 1, 0, 0));
        IpvsOp delete = new IpvsOp.DeleteDestination(service, destination);
        metrics.tablePass(
                "check",
                new ReconcileReport(List.of(
                        OpResult.applied(add),
                        new OpResult(
                                delete,
                                OpResult.Outcome.FAILED,
                                Optional.of(new IpvsException("No such process", 3))))));
        metrics.tablePass("repair", new ReconcileReport(List.of()));

        assertThat(Scrape.lines(registry))
                .contains(
                        "jdirectord_ipvs_operations_total{op=\"add_destination\",result=\"applied\"} 1.0",
                        "jdirectord_ipvs_operations_total{op=\"delete_destination\",result=\"failed\"} 1.0",
                        "jdirectord_ipvs_errors_total{kind=\"operation\"} 1.0",
                        "jdirectord_ipvs_errors_total{kind=\"list\"} 0.0",
                        "jdirectord_table_passes_total{cause=\"check\"} 1.0",
                        "jdirectord_table_passes_total{cause=\"repair\"} 1.0");
    }

    @Test
    void countsTableListingFailuresAsErrors() {
        metrics.tableUnreadable("check", new IpvsException("Operation not permitted", 1));

        assertThat(Scrape.lines(registry))
                .contains(
                        "jdirectord_ipvs_errors_total{kind=\"list\"} 1.0",
                        "jdirectord_ipvs_errors_total{kind=\"operation\"} 0.0");
    }

    @Test
    void countsOperatorsCommandsByCommandAndResult() {
        metrics.control("drain 60 all 10.0.0.1", new ControlAnswer(true, "done", List.of(), 1));
        metrics.control("disable 10.0.0.9", ControlAnswer.error("no real server 10.0.0.9"));

        assertThat(Scrape.lines(registry))
                .contains(
                        "jdirectord_control_commands_total{command=\"drain\",result=\"ok\"} 1.0",
                        "jdirectord_control_commands_total{command=\"disable\",result=\"error\"} 1.0");
    }

    @Test
    void namesTheVersion() {
        assertThat(Scrape.lines(registry)).contains("jdirectord_build_info{version=\"1.2.3\"} 1");
    }

    @Test
    void observesHowLateTheSchedulerStartedEachRun() {
        ProbeSpec probe = probe("10.0.0.1", 80);

        metrics.probeResult(probe, took(CheckResult.up("HTTP 200"), 5), Instant.EPOCH, Duration.ZERO);
        metrics.probeResult(probe, took(CheckResult.up("HTTP 200"), 20), Instant.EPOCH, Duration.ofMillis(300));

        assertThat(Scrape.lines(registry))
                .contains(
                        "jdirectord_scheduler_lag_seconds_count 2",
                        "jdirectord_scheduler_lag_seconds_bucket{le=\"0.001\"} 1",
                        "jdirectord_scheduler_lag_seconds_bucket{le=\"0.1\"} 1",
                        "jdirectord_scheduler_lag_seconds_bucket{le=\"0.5\"} 2",
                        "jdirectord_scheduler_lag_seconds_sum 0.3");
    }

    @Test
    void gaugesTheFailsafeOfEachVirtualService() {
        VirtualService web = tcp("192.0.2.10", 80).build();
        VirtualService mail = tcp("192.0.2.11", 25).build();
        metrics.configApplied(config(false, web, mail));

        metrics.failsafe(web.key(), true);

        assertThat(Scrape.lines(registry))
                .contains(
                        "jdirectord_failsafe_active{virtual=\"tcp:192.0.2.10:80\"} 1.0",
                        "jdirectord_failsafe_active{virtual=\"tcp:192.0.2.11:25\"} 0.0");

        metrics.failsafe(web.key(), false);

        assertThat(Scrape.lines(registry)).contains("jdirectord_failsafe_active{virtual=\"tcp:192.0.2.10:80\"} 0.0");
    }

    @Test
    void labelsStayBoundedByKindsNotServers() {
        VirtualService virtual = tcp("192.0.2.10", 80).build();
        for (int i = 0; i < 10_000; i++) {
            ProbeSpec probe = new ProbeSpec(
                    virtual.check(),
                    endpoint("10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256), 80),
                    Optional.empty());
            metrics.probeResult(
                    probe,
                    new CheckResult(i % 2 == 0, "HTTP 200", Duration.ofMillis(2), OptionalInt.empty()),
                    Instant.EPOCH,
                    Duration.ZERO);
        }

        assertThat(Scrape.lines(registry).stream().filter(line -> !line.startsWith("#")))
                .hasSizeLessThan(60);
    }
}
