package io.jdirectord.daemon.notify;

import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.Config;
import io.jdirectord.config.DaemonStatus;
import io.jdirectord.daemon.status.StatusReport;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthStatus;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.ReconcileReport;
import io.jdirectord.testing.StatusFixtures;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SystemdNotifierTest {

    private static final Duration WATCHDOG = Duration.ofSeconds(20);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final List<String> sent = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private boolean refuse;
    private String upHealth = "up";

    /** 10 s interval, negotiate timeout 30 s: results at least every 40 s. */
    private final Config tenSeconds =
            config(false, tcp("192.0.2.10", 80).real(real("10.0.0.1", 80)).build());

    private SystemdNotifier notifier(Optional<Duration> watchdog) {
        return notifier(new NotifySettings("/run/systemd/notify", watchdog, Duration.ZERO));
    }

    private SystemdNotifier notifier(NotifySettings settings) {
        NotifySender sender = message -> {
            if (refuse) {
                throw new IOException("send to /run/systemd/notify: errno 111");
            }
            sent.add(message);
        };
        return new SystemdNotifier(settings, sender, this::report, errors::add, nanos::get);
    }

    private StatusReport report() throws IpvsException {
        StatusReport.Real up = StatusFixtures.real(
                "10.0.0.1:80",
                "gate",
                "negotiate:http 10.0.0.1:80",
                upHealth,
                1,
                OptionalInt.of(1),
                0,
                0,
                Optional.empty(),
                Optional.empty());
        StatusReport.Real down = StatusFixtures.real(
                "10.0.0.2:80",
                "gate",
                "negotiate:http 10.0.0.2:80",
                "down",
                1,
                OptionalInt.empty(),
                0,
                0,
                Optional.empty(),
                Optional.empty());
        StatusReport.Service service = StatusFixtures.service(
                "tcp:192.0.2.10:80",
                "TCP",
                "192.0.2.10:80",
                "wrr",
                "",
                true,
                Optional.of("127.0.0.1:80"),
                false,
                List.of(up, down));
        return StatusFixtures.report(
                "1.0", 42, "/etc/jdirectord/jdirectord.cf", Instant.EPOCH, Instant.EPOCH, false, List.of(service));
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    private SystemdNotifier ready(Optional<Duration> watchdog) {
        SystemdNotifier notifier = notifier(watchdog);
        notifier.configApplied(tenSeconds);
        notifier.firstRoundApplied();
        sent.clear();
        return notifier;
    }

    private static HealthEvent.Transition wentDown() {
        var virtual = tcp("192.0.2.10", 80).real(real("10.0.0.1", 80)).build();
        return new HealthEvent.Transition(
                HealthKey.of(virtual, virtual.reals().get(0)),
                HealthStatus.UP,
                HealthStatus.DOWN,
                HealthEvent.Cause.CHECK,
                "HTTP 503",
                Duration.ZERO,
                Duration.ZERO,
                Instant.EPOCH);
    }

    @Test
    void saysItIsStartingAndSendsReadyWithASummaryOnceTheFirstRoundIsApplied() {
        SystemdNotifier notifier = notifier(Optional.empty());
        notifier.configApplied(tenSeconds);
        notifier.daemonStatus(DaemonStatus.RUNNING);

        assertThat(sent).containsExactly("STATUS=starting: running the first round of checks");

        notifier.firstRoundApplied();
        notifier.firstRoundApplied();

        assertThat(sent)
                .containsExactly(
                        "STATUS=starting: running the first round of checks",
                        "READY=1\nSTATUS=1 virtual service, 1/2 real servers up");
    }

    @Test
    void announcesAReloadWithTheMonotonicTimeAndIsReadyAgainWhenItEnds() {
        SystemdNotifier notifier = ready(Optional.empty());

        notifier.daemonStatus(DaemonStatus.RELOADING);
        notifier.daemonStatus(DaemonStatus.RUNNING);

        assertThat(sent)
                .containsExactly(
                        "RELOADING=1\nMONOTONIC_USEC=" + nanos.get() / 1000,
                        "READY=1\nSTATUS=1 virtual service, 1/2 real servers up");
    }

    @Test
    void aReloadBeforeTheFirstRoundLeavesReadyToTheFirstRound() {
        SystemdNotifier notifier = notifier(Optional.empty());
        sent.clear();

        notifier.daemonStatus(DaemonStatus.RELOADING);
        notifier.daemonStatus(DaemonStatus.RUNNING);
        assertThat(sent).containsExactly("RELOADING=1\nMONOTONIC_USEC=" + nanos.get() / 1000);

        notifier.firstRoundApplied();
        assertThat(sent).last().asString().startsWith("READY=1\n");
    }

    @Test
    void saysStoppingAndThenSendsNothingMore() {
        SystemdNotifier notifier = ready(Optional.of(WATCHDOG));

        notifier.daemonStatus(DaemonStatus.STOPPING);
        notifier.tablePass("stop", new ReconcileReport(List.of()));
        notifier.healthEvents(List.of(wentDown()));
        advance(WATCHDOG);
        notifier.tick();

        assertThat(sent).containsExactly("STOPPING=1\nSTATUS=stopping");
    }

    @Test
    void extendsTheStopTimeoutAndTheWatchdogForTheClassCacheTheJvmWritesAtExit() {
        SystemdNotifier notifier =
                notifier(new NotifySettings("/run/systemd/notify", Optional.of(WATCHDOG), Duration.ofMinutes(2)));
        sent.clear();

        notifier.daemonStatus(DaemonStatus.STOPPING);

        assertThat(sent).containsExactly("STOPPING=1\nSTATUS=stopping\nEXTEND_TIMEOUT_USEC=120000000");
    }

    @Test
    void pingsTheWatchdogEveryHalfTimeoutWhileResultsArrive() {
        SystemdNotifier notifier = ready(Optional.of(WATCHDOG));

        for (int second = 1; second <= 30; second++) {
            advance(Duration.ofSeconds(1));
            notifier.probeResult(
                    tenSeconds.virtualServices().get(0).probeFor(real("10.0.0.1", 80)),
                    CheckResult.up("HTTP 200"),
                    Instant.EPOCH,
                    Duration.ZERO);
            notifier.tick();
        }

        assertThat(sent).containsExactly("WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1");
    }

    @Test
    void stopsPingingWhenNoResultArrivedWithinTheWindowAndResumesWithTheNextResult() {
        SystemdNotifier notifier = ready(Optional.of(WATCHDOG));

        advance(Duration.ofSeconds(10));
        notifier.tick();
        advance(Duration.ofSeconds(31));
        notifier.tick();
        assertThat(sent)
                .as("the last progress was 41 s ago, beyond the 40 s window")
                .containsExactly("WATCHDOG=1");

        notifier.probeResult(
                tenSeconds.virtualServices().get(0).probeFor(real("10.0.0.1", 80)),
                CheckResult.down("connect refused"),
                Instant.EPOCH,
                Duration.ZERO);
        notifier.tick();
        assertThat(sent).containsExactly("WATCHDOG=1", "WATCHDOG=1");
    }

    @Test
    void aWatchdogLongerThanTheProbeCycleIsTheWindow() {
        SystemdNotifier notifier = ready(Optional.of(Duration.ofSeconds(120)));

        advance(Duration.ofSeconds(60));
        notifier.tick();
        advance(Duration.ofSeconds(61));
        notifier.tick();

        assertThat(sent).containsExactly("WATCHDOG=1");
    }

    @Test
    void pingsWithoutResultsWhenNoProbeIsScheduled() {
        SystemdNotifier notifier = notifier(Optional.of(WATCHDOG));
        notifier.configApplied(config(
                false,
                tcp("192.0.2.10", 80)
                        .checkType(CheckType.ON)
                        .real(real("10.0.0.1", 80))
                        .build()));
        sent.clear();

        for (int i = 0; i < 5; i++) {
            advance(Duration.ofSeconds(60));
            notifier.tick();
        }

        assertThat(sent).hasSize(5).containsOnly("WATCHDOG=1");
    }

    @Test
    void sendsNoWatchdogPingsWithoutAWatchdog() {
        SystemdNotifier notifier = ready(Optional.empty());

        advance(Duration.ofSeconds(60));
        notifier.tick();

        assertThat(sent).isEmpty();
        assertThat(notifier.tickPeriod()).isEqualTo(Duration.ofMillis(250));
        assertThat(notifier(Optional.of(Duration.ofMillis(400))).tickPeriod()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void updatesTheStatusAfterChangesAtMostOncePerSecond() {
        SystemdNotifier notifier = ready(Optional.empty());
        upHealth = "down";

        notifier.healthEvents(List.of(wentDown()));
        notifier.tick();
        assertThat(sent).as("within a second of READY").isEmpty();

        advance(Duration.ofMillis(1000));
        notifier.tick();
        notifier.healthEvents(List.of(wentDown()));
        advance(Duration.ofMillis(500));
        notifier.tick();
        assertThat(sent).containsExactly("STATUS=1 virtual service, 0/2 real servers up");

        advance(Duration.ofMillis(500));
        notifier.tick();
        notifier.tick();
        assertThat(sent).hasSize(2);
    }

    @Test
    void leavesTheStatusAloneWhenNothingChanged() {
        SystemdNotifier notifier = ready(Optional.empty());

        notifier.healthEvents(List.of());
        notifier.tablePass("check", new ReconcileReport(List.of()));
        advance(Duration.ofSeconds(5));
        notifier.tick();

        assertThat(sent).isEmpty();
    }

    @Test
    void reportsAFailingSocketOnceUntilASendSucceeds() {
        SystemdNotifier notifier = ready(Optional.of(WATCHDOG));
        refuse = true;

        for (int i = 0; i < 3; i++) {
            advance(Duration.ofSeconds(10));
            notifier.probeResult(
                    tenSeconds.virtualServices().get(0).probeFor(real("10.0.0.1", 80)),
                    CheckResult.up("HTTP 200"),
                    Instant.EPOCH,
                    Duration.ZERO);
            notifier.tick();
        }
        assertThat(errors).containsExactly("send to /run/systemd/notify: errno 111");

        refuse = false;
        advance(Duration.ofSeconds(10));
        notifier.tick();
        refuse = true;
        advance(Duration.ofSeconds(10));
        notifier.tick();
        assertThat(errors).hasSize(2);
    }
}
