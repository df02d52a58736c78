package io.jdirectord.daemon;

import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Forwarding;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.daemon.alert.EmailAlerts;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.daemon.log.RecordingSink;
import io.jdirectord.daemon.report.EventReporter;
import io.jdirectord.engine.Monitor;
import io.jdirectord.ipvs.DryRunIpvsTable;
import io.jdirectord.ipvs.DryRunKernelSettings;
import io.jdirectord.schedule.PreparedProbes;
import io.jdirectord.schedule.ProbeScheduler;
import io.jdirectord.schedule.ScheduledProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** After the first round, one failure-log line says what there is and how much of it is up. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReadyLineTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final RealServer up = real("10.0.0.1", 80, Forwarding.MASQ, 3);
    private final RealServer down = real("10.0.0.2", 80, Forwarding.MASQ, 1);
    private final RealServer other = real("10.0.0.3", 80, Forwarding.MASQ, 1);
    private final VirtualService web = tcp("192.0.2.10", 80).real(up).real(down).build();
    private final VirtualService mail = tcp("192.0.2.11", 25).real(other).build();
    private final RecordingSink sink = new RecordingSink();
    private final EventReporter reporter = new EventReporter(
            new FailureLog(List.of(sink), CLOCK, false),
            new EmailAlerts(settings -> alert -> {}, Runnable::run, failure -> {}, "director"),
            CLOCK);
    private final Monitor monitor = new Monitor(
            new DryRunIpvsTable(),
            new DryRunKernelSettings(),
            listener -> new IdleScheduler(),
            reporter,
            command -> {},
            CLOCK);

    @AfterEach
    void close() {
        monitor.close();
    }

    @Test
    void countsVirtualServicesRealServersAndThoseUpOnceEveryProbeHasReported() throws Exception {
        monitor.apply(config(false, web, mail));
        monitor.onResult(web.probeFor(up), CheckResult.up("200 OK"), NOW);
        monitor.onResult(web.probeFor(down), CheckResult.down("connection refused"), NOW);
        monitor.onResult(mail.probeFor(other), CheckResult.up("220 ready"), NOW);

        await().atMost(Duration.ofSeconds(5)).until(() -> sink.events().stream().anyMatch(e -> e.startsWith("ready ")));
        assertThat(sink.events())
                .filteredOn(e -> e.startsWith("ready "))
                .containsExactly("ready virtuals=2 reals=3 up=2 probes=3");
    }

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
