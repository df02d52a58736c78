package io.jdirectord.daemon.metrics;

import static io.jdirectord.daemon.metrics.Reports.real;
import static io.jdirectord.daemon.metrics.Reports.report;
import static io.jdirectord.daemon.metrics.Reports.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.daemon.status.StatusReport;
import io.jdirectord.ipvs.IpvsException;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TableMetricsTest {

    private final PrometheusRegistry registry = new PrometheusRegistry();

    private static final StatusReport WEB = report(
            service(
                    "tcp:192.0.2.10:80",
                    true,
                    false,
                    real("10.0.0.1:80", "up", 10, OptionalInt.of(7), Optional.of(Instant.ofEpochSecond(1_700_000_000))),
                    real("10.0.0.2:80", "down", 5, OptionalInt.empty(), Optional.empty())),
            service(
                    "tcp:192.0.2.10:443",
                    true,
                    true,
                    real("10.0.0.1:443", "unknown", 1, OptionalInt.empty(), Optional.empty())));

    @Test
    void describesEachRealServerByVirtualAndReal() {
        registry.register(new TableMetrics(() -> WEB));

        assertThat(Scrape.lines(registry))
                .contains(
                        "jdirectord_real_server_up{real=\"10.0.0.1:80\",virtual=\"tcp:192.0.2.10:80\"} 1.0",
                        "jdirectord_real_server_up{real=\"10.0.0.2:80\",virtual=\"tcp:192.0.2.10:80\"} 0.0",
                        "jdirectord_real_server_up{real=\"10.0.0.1:443\",virtual=\"tcp:192.0.2.10:443\"} 0.0",
                        "jdirectord_real_server_configured_weight{real=\"10.0.0.1:80\",virtual=\"tcp:192.0.2.10:80\"} 10.0",
                        "jdirectord_real_server_configured_weight{real=\"10.0.0.2:80\",virtual=\"tcp:192.0.2.10:80\"} 5.0",
                        "jdirectord_real_server_weight{real=\"10.0.0.1:80\",virtual=\"tcp:192.0.2.10:80\"} 7.0",
                        "jdirectord_real_server_last_change_timestamp_seconds{real=\"10.0.0.1:80\",virtual=\"tcp:192.0.2.10:80\"} 1.7E9");
    }

    @Test
    void leavesOutTheWeightOfServersNotInTheTableAndChangesThatDidNotHappen() {
        registry.register(new TableMetrics(() -> WEB));

        assertThat(Scrape.lines(registry).stream().filter(line -> line.startsWith("jdirectord_real_server_weight{")))
                .hasSize(1);
        assertThat(Scrape.lines(registry).stream()
                        .filter(line -> line.startsWith("jdirectord_real_server_last_change")))
                .hasSize(1);
    }

    @Test
    void describesEachVirtualService() {
        registry.register(new TableMetrics(() -> WEB));

        assertThat(Scrape.lines(registry))
                .contains(
                        "jdirectord_virtual_service_real_servers{virtual=\"tcp:192.0.2.10:80\"} 2.0",
                        "jdirectord_virtual_service_real_servers_up{virtual=\"tcp:192.0.2.10:80\"} 1.0",
                        "jdirectord_virtual_service_real_servers_up{virtual=\"tcp:192.0.2.10:443\"} 0.0",
                        "jdirectord_virtual_service_in_table{virtual=\"tcp:192.0.2.10:443\"} 1.0",
                        "jdirectord_virtual_service_fallback_active{virtual=\"tcp:192.0.2.10:80\"} 0.0",
                        "jdirectord_virtual_service_fallback_active{virtual=\"tcp:192.0.2.10:443\"} 1.0");
    }

    @Test
    void countsPerVirtualServiceTheServersThatRampOrThatTheirAgentsSteer() {
        StatusReport.Real plain = real("10.0.0.1:80", "up", 10, OptionalInt.of(10), Optional.empty());
        StatusReport shaped = report(service(
                "tcp:192.0.2.10:80",
                true,
                false,
                shaped("10.0.0.2:80", "50%", "", Optional.of(0.3)),
                shaped("10.0.0.3:80", "drain 100%", "", Optional.empty()),
                shaped("10.0.0.4:80", "maint 100%", "connection refused", Optional.empty()),
                shaped("10.0.0.5:80", "down 40%", "", Optional.of(0.5)),
                plain));
        registry.register(new TableMetrics(() -> shaped));

        assertThat(Scrape.lines(registry))
                .contains(
                        "jdirectord_virtual_service_real_servers_slow_starting{virtual=\"tcp:192.0.2.10:80\"} 2.0",
                        "jdirectord_virtual_service_real_servers_agent_out{virtual=\"tcp:192.0.2.10:80\"} 2.0",
                        "jdirectord_virtual_service_real_servers_agent_draining{virtual=\"tcp:192.0.2.10:80\"} 1.0",
                        "jdirectord_virtual_service_real_servers_agent_failing{virtual=\"tcp:192.0.2.10:80\"} 1.0");
    }

    private static StatusReport.Real shaped(String address, String answer, String failure, Optional<Double> slowStart) {
        return new StatusReport.Real(
                address,
                "masq",
                "connect " + address,
                "up",
                10,
                OptionalInt.of(5),
                0,
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.of(new StatusReport.Agent(answer, "", failure)),
                slowStart,
                Optional.empty());
    }

    @Test
    void readsTheStatusOncePerScrape() {
        AtomicInteger reads = new AtomicInteger();
        registry.register(new TableMetrics(() -> {
            reads.incrementAndGet();
            return WEB;
        }));

        Scrape.lines(registry);

        assertThat(reads).hasValue(1);
    }

    @Test
    void scrapesNothingFromTheTableWhenItCannotBeListed() {
        registry.register(new TableMetrics(() -> {
            throw new IpvsException("Operation not permitted", 1);
        }));

        assertThat(Scrape.lines(registry)).isEmpty();
    }

    @Test
    void countsTheRealServersOfEachVirtualServiceByAdminState() {
        StatusReport.Control drain = new StatusReport.Control(
                "draining", OptionalInt.empty(), Optional.empty(), "user root (group root)", Instant.EPOCH);
        StatusReport.Real up = real("10.0.0.1:80", "up", 1, OptionalInt.of(0), Optional.empty());
        StatusReport.Real draining = new StatusReport.Real(
                "10.0.0.2:80",
                "masq",
                "connect",
                "up",
                1,
                OptionalInt.of(0),
                0,
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(drain));
        StatusReport withDrain = report(service("tcp:192.0.2.10:80", true, false, up, draining));
        registry.register(new TableMetrics(() -> withDrain));

        assertThat(Scrape.lines(registry))
                .contains(
                        "jdirectord_virtual_service_real_servers_admin{admin=\"draining\",virtual=\"tcp:192.0.2.10:80\"} 1.0",
                        "jdirectord_virtual_service_real_servers_admin{admin=\"enabled\",virtual=\"tcp:192.0.2.10:80\"} 1.0",
                        "jdirectord_virtual_service_real_servers_admin{admin=\"drained\",virtual=\"tcp:192.0.2.10:80\"} 0.0");
    }

    @Test
    void aRealServerAReloadRemovedCountsOnlyAsDrainingInItsService() {
        StatusReport.Control reload = new StatusReport.Control(
                "draining", OptionalInt.empty(), Optional.of(Instant.EPOCH), "reload", Instant.EPOCH);
        StatusReport.Real up = real("10.0.0.1:80", "up", 1, OptionalInt.of(1), Optional.empty());
        StatusReport.Real removed = new StatusReport.Real(
                "10.0.0.2:80",
                "masq",
                "-",
                "removed",
                1,
                OptionalInt.of(0),
                3,
                3,
                Optional.empty(),
                Optional.of(Instant.EPOCH),
                Optional.empty(),
                Optional.empty(),
                Optional.of(reload));
        StatusReport withRemoved = report(service("tcp:192.0.2.10:80", true, false, up, removed));
        registry.register(new TableMetrics(() -> withRemoved));

        assertThat(Scrape.lines(registry))
                .contains(
                        "jdirectord_virtual_service_real_servers_admin{admin=\"draining\",virtual=\"tcp:192.0.2.10:80\"} 1.0",
                        "jdirectord_virtual_service_real_servers{virtual=\"tcp:192.0.2.10:80\"} 1.0")
                .noneMatch(line -> line.startsWith("jdirectord_real_server") && line.contains("10.0.0.2:80"));
    }

    @Test
    void servesTenThousandRealServersWithFourSeriesEach() {
        List<StatusReport.Real> reals = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            reals.add(real(
                    "10.0." + (i / 256) + "." + (i % 256) + ":80",
                    i % 3 == 0 ? "down" : "up",
                    1,
                    OptionalInt.of(1),
                    Optional.of(Instant.EPOCH)));
        }
        StatusReport large = report(service("tcp:192.0.2.10:80", true, false, reals.toArray(StatusReport.Real[]::new)));
        registry.register(new TableMetrics(() -> large));

        List<String> samples = Scrape.lines(registry).stream()
                .filter(line -> !line.startsWith("#"))
                .toList();

        assertThat(samples).hasSize(4 * 10_000 + 8 + 4);
        assertThat(samples)
                .contains("jdirectord_virtual_service_real_servers_up{virtual=\"tcp:192.0.2.10:80\"} 6666.0");
    }
}
