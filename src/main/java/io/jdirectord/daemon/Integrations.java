package io.jdirectord.daemon;

import io.jdirectord.config.Config;
import io.jdirectord.config.Endpoint;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.daemon.metrics.MonitorMetrics;
import io.jdirectord.daemon.metrics.StatusEndpoint;
import io.jdirectord.daemon.metrics.TableMetrics;
import io.jdirectord.daemon.notify.NotifySender;
import io.jdirectord.daemon.notify.NotifySettings;
import io.jdirectord.daemon.notify.SystemdNotifier;
import io.jdirectord.daemon.observe.MonitorObserver;
import io.jdirectord.daemon.report.EventReporter;
import io.jdirectord.daemon.status.StatusSource;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the daemon tells the outside world beside the failure log, fed by the {@link EventReporter}:
 * systemd notifications when systemd started it ($NOTIFY_SOCKET set), metrics, served with the
 * JSON status on the HTTP endpoint when {@code statusaddress} is set, and the trackfile when it is set. Attach before the first
 * configuration is applied; close after the daemon stopped.
 */
final class Integrations implements AutoCloseable {

    /** How often the trackfile is brought in line with the director's health. */
    private static final long TRACK_FILE_PERIOD_MILLIS = 200;

    /**
     * The system property the launcher (src/deb/sbin/jdirectord) sets to {@code true} when the JVM will write
     * its class cache as it exits.
     */
    private static final String CLASS_CACHE_AT_EXIT = "jdirectord.classCacheAtExit";

    private final StatusEndpoint endpoint;
    private final Optional<ScheduledExecutorService> notifierTicks;
    private final ScheduledExecutorService trackFileTicks;

    private Integrations(
            StatusEndpoint endpoint,
            Optional<ScheduledExecutorService> notifierTicks,
            ScheduledExecutorService trackFileTicks) {
        this.endpoint = endpoint;
        this.notifierTicks = notifierTicks;
        this.trackFileTicks = trackFileTicks;
    }

    static Integrations attach(EventReporter reporter, StatusSource status, FailureLog log) {
        PrometheusRegistry registry = new PrometheusRegistry();
        reporter.observe(jvmMetricsOnceServed(registry));
        registry.register(new TableMetrics(status));
        reporter.observe(new MonitorMetrics(registry, BuildInfo.version()));
        StatusEndpoint endpoint = new StatusEndpoint(
                registry,
                status,
                (address, error) -> log.event(
                        "status-endpoint-error",
                        "address",
                        new Endpoint(address.getAddress(), address.getPort()),
                        "error",
                        error));
        reporter.observe(endpoint);
        return new Integrations(
                endpoint,
                NotifySettings.from(
                                System.getenv(), ProcessHandle.current().pid(), Boolean.getBoolean(CLASS_CACHE_AT_EXIT))
                        .map(settings -> notify(settings, reporter, status, log)),
                trackFile(reporter, status, log));
    }

    /**
     * Registers the Prometheus client's JVM metrics in {@code registry} with the first configuration that
     * sets {@code statusaddress}, before the endpoint opens: they load about 550 classes (JMX, diagnostic
     * commands) and spin their lambdas, about 4 MiB of resident memory that a monitor without an endpoint
     * never uses.
     */
    private static MonitorObserver jvmMetricsOnceServed(PrometheusRegistry registry) {
        AtomicBoolean registered = new AtomicBoolean();
        return new MonitorObserver() {
            @Override
            public void configApplied(Config config) {
                if (config.globals().statusAddress().isPresent() && registered.compareAndSet(false, true)) {
                    JvmMetrics.builder().register(registry);
                }
            }
        };
    }

    /** Keeps the trackfile (when one is configured) in line with the director's health, five times a second. */
    private static ScheduledExecutorService trackFile(EventReporter reporter, StatusSource status, FailureLog log) {
        TrackFile file = new TrackFile((path, error) -> log.event("trackfile-error", "file", path, "error", error));
        reporter.observe(file);
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("trackfile").daemon().factory());
        ScheduledFuture<?> unused = ticks.scheduleAtFixedRate(
                () -> {
                    try {
                        if (file.configured()) {
                            status.health().ifPresent(file::refresh);
                        }
                    } catch (Exception e) {
                        reporter.internalError("trackfile", e);
                    }
                },
                0,
                TRACK_FILE_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        return ticks;
    }

    private static ScheduledExecutorService notify(
            NotifySettings settings, EventReporter reporter, StatusSource status, FailureLog log) {
        SystemdNotifier notifier = new SystemdNotifier(
                settings,
                NotifySender.toSocket(settings.socket()),
                status,
                error -> log.event("notify-error", "socket", settings.socket(), "error", error),
                System::nanoTime);
        reporter.observe(notifier);
        reporter.onFirstRound(notifier::firstRoundApplied);
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("systemd-notify").daemon().factory());
        long period = notifier.tickPeriod().toNanos();
        ScheduledFuture<?> unused =
                ticks.scheduleAtFixedRate(() -> tick(notifier, reporter), period, period, TimeUnit.NANOSECONDS);
        return ticks;
    }

    private static void tick(SystemdNotifier notifier, EventReporter reporter) {
        try {
            notifier.tick();
        } catch (RuntimeException e) {
            reporter.internalError("systemd notifier", e);
        }
    }

    @Override
    public void close() {
        notifierTicks.ifPresent(ScheduledExecutorService::shutdownNow);
        trackFileTicks.shutdownNow();
        endpoint.close();
    }
}
