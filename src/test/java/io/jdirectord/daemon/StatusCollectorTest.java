package io.jdirectord.daemon;

import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.config.Forwarding;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.daemon.alert.EmailAlerts;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.daemon.log.RecordingSink;
import io.jdirectord.daemon.report.EventReporter;
import io.jdirectord.daemon.status.StatusJson;
import io.jdirectord.daemon.status.StatusReport;
import io.jdirectord.daemon.status.StatusSummary;
import io.jdirectord.daemon.status.StatusText;
import io.jdirectord.engine.Monitor;
import io.jdirectord.ipvs.DryRunIpvsTable;
import io.jdirectord.ipvs.DryRunKernelSettings;
import io.jdirectord.schedule.PreparedProbes;
import io.jdirectord.schedule.ProbeScheduler;
import io.jdirectord.schedule.ScheduledProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The status report of a monitor built from in-memory parts, its probes fed by the test. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StatusCollectorTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final RealServer up = real("10.0.0.1", 80, Forwarding.MASQ, 3);
    private final RealServer down = real("10.0.0.2", 80, Forwarding.MASQ, 1);
    private final VirtualService web = tcp("192.0.2.10", 80).real(up).real(down).build();
    private final DryRunIpvsTable table = new DryRunIpvsTable();
    private final EventReporter reporter = new EventReporter(
            new FailureLog(List.of(new RecordingSink()), CLOCK, false),
            new EmailAlerts(settings -> alert -> {}, Runnable::run, failure -> {}, "director"),
            CLOCK);
    private final Monitor monitor = new Monitor(
            table, new DryRunKernelSettings(), listener -> new IdleScheduler(), reporter, command -> {}, CLOCK);
    private final StatusCollector collector = new StatusCollector(
            monitor,
            new DaemonOptions(
                    Path.of("/etc/ha.d/jdirectord.cf"),
                    false,
                    true,
                    Path.of("/run/jdirectord.pid"),
                    DaemonOptions.STATE_DIRECTORY),
            CLOCK);

    @AfterEach
    void close() {
        monitor.close();
    }

    @Test
    void reportsEachRealServerWithItsHealthWeightAndLastCheck() throws Exception {
        monitor.apply(config(false, web));
        monitor.onResult(web.probeFor(up), CheckResult.up("200 OK"), NOW);
        monitor.onResult(web.probeFor(down), CheckResult.down("connection refused"), NOW);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> table.services().getFirst().destinations().size() == 1);

        StatusReport report = collector.collect();

        assertThat(report.dryRun()).isTrue();
        StatusReport.Service service = report.services().getFirst();
        assertThat(service.inTable()).isTrue();
        assertThat(service.reals())
                .extracting(StatusReport.Real::address, StatusReport.Real::health, StatusReport.Real::currentWeight)
                .containsExactly(
                        Tuple.tuple("10.0.0.1:80", "up", OptionalInt.of(3)),
                        Tuple.tuple("10.0.0.2:80", "down", OptionalInt.empty()));
        assertThat(service.reals().get(1).lastCheck())
                .hasValueSatisfying(check -> assertThat(check.reason()).isEqualTo("connection refused"));
    }

    @Test
    void showsTheRealServersAndServicesAReloadRemovedAsDrainingUntilTheirDeadline(@TempDir Path dir) throws Exception {
        String both = """
                draintime=60
                virtual=192.0.2.10:80
                    real=10.0.0.1:80 masq 3
                    real=10.0.0.2:80 masq
                    checktype=connect
                virtual=192.0.2.11:80
                    real=10.0.0.3:80 masq
                    checktype=connect
                """;
        Config config = parse(dir, both);
        monitor.apply(config);
        for (VirtualService virtual : config.virtualServices()) {
            virtual.reals().forEach(real -> monitor.onResult(virtual.probeFor(real), CheckResult.up("open"), NOW));
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> table.services().stream()
                                .mapToInt(s -> s.destinations().size())
                                .sum()
                        == 3);

        monitor.apply(
                parse(dir, both.replace("    real=10.0.0.2:80 masq\n", "").replaceAll("(?s)virtual=192.0.2.11.*", "")));
        StatusReport report = collector.collect();

        assertThat(report.services())
                .extracting(StatusReport.Service::id, StatusReport.Service::removed)
                .containsExactly(Tuple.tuple("tcp:192.0.2.10:80", false), Tuple.tuple("tcp:192.0.2.11:80", true));
        assertThat(report.services().get(0).reals())
                .extracting(StatusReport.Real::address, StatusReport.Real::health, StatusReport.Real::currentWeight)
                .containsExactly(
                        Tuple.tuple("10.0.0.1:80", "up", OptionalInt.of(3)),
                        Tuple.tuple("10.0.0.2:80", "removed", OptionalInt.of(0)));
        assertThat(StatusText.render(report))
                .contains("TCP   192.0.2.11:80", "(removed by reload, draining)")
                .contains("control: draining until 2026-12-01T08:01:00Z (reload, 0s ago)");
        assertThat(StatusJson.render(report))
                .contains("\"removed\":true", "\"health\":\"removed\"", "\"drainDeadline\":\"2026-12-01T08:01:00Z\"");
        assertThat(StatusSummary.of(report))
                .isEqualTo("1 virtual service, 1/1 real server up, 2 removed draining (dry run)");
    }

    private static Config parse(Path dir, String text) throws Exception {
        Path file = dir.resolve("jdirectord.cf");
        Files.writeString(file, text);
        return new ConfigParser().parse(file);
    }

    /** A scheduler that never runs a probe: the test hands the monitor its results. */
    private static final class IdleScheduler implements ProbeScheduler {
        @Override
        public PreparedProbes prepare(Collection<ScheduledProbe> probes) {
            return new PreparedProbes(List.copyOf(probes), Map.of());
        }

        @Override
        public void schedule(PreparedProbes probes) {}

        @Override
        public void close() {}
    }
}
