package io.jdirectord.daemon.notify;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Config;
import io.jdirectord.config.DaemonStatus;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.daemon.observe.MonitorObserver;
import io.jdirectord.daemon.status.StatusSource;
import io.jdirectord.daemon.status.StatusSummary;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.ReconcileReport;
import io.jdirectord.schedule.ScheduledProbes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells systemd how the daemon is doing (sd_notify protocol): READY=1 once the first round of checks
 * has been applied, RELOADING=1 with MONOTONIC_USEC when a reload starts and READY=1 when it ends,
 * STOPPING=1 on stop (with EXTEND_TIMEOUT_USEC= when the JVM has {@link NotifySettings#exitWork work to do
 * at exit}: systemd then moves both its stop timeout and its watchdog deadline, as no ping follows STOPPING=1),
 * STATUS= with a one-line summary at most once per {@link #STATUS_SPACING} when
 * health or the table changed, and WATCHDOG=1 every half watchdog timeout, but only while
 * {@link ProbeProgress probing makes progress}: a stuck scheduler stops the pings and systemd restarts
 * the service. Event methods only record; {@link #tick} (called every {@link #tickPeriod}) sends what
 * is due. Times come from {@code nanos}, CLOCK_MONOTONIC in nanoseconds ({@link System#nanoTime} on
 * Linux). A failed send is reported once to {@code errors}, again only after a send succeeded.
 * Thread-safe; the methods probe threads call take no lock.
 */
public final class SystemdNotifier implements MonitorObserver {

    /** The least time between two STATUS= updates. */
    public static final Duration STATUS_SPACING = Duration.ofSeconds(1);

    private static final Duration LONGEST_TICK = Duration.ofMillis(250);

    private final NotifySender sender;
    private final StatusSource status;
    private final Consumer<String> errors;
    private final LongSupplier nanos;
    private final Optional<Duration> watchdog;
    private final Duration exitWork;
    private final ProbeProgress progress;
    private final AtomicBoolean changed = new AtomicBoolean();
    private boolean ready;
    private boolean reloading;
    private boolean stopping;
    private boolean failing;
    private long lastStatus;
    private long lastPing;

    public SystemdNotifier(
            NotifySettings settings,
            NotifySender sender,
            StatusSource status,
            Consumer<String> errors,
            LongSupplier nanos) {
        this.sender = sender;
        this.status = status;
        this.errors = errors;
        this.nanos = nanos;
        this.watchdog = settings.watchdog();
        this.exitWork = settings.exitWork();
        long now = nanos.getAsLong();
        this.progress = new ProbeProgress(watchdog.orElse(Duration.ZERO), now);
        this.lastPing = now;
        send("STATUS=starting: running the first round of checks");
    }

    /** How often {@link #tick} must run: often enough for the watchdog and the status spacing. */
    public Duration tickPeriod() {
        return watchdog.map(timeout -> timeout.dividedBy(4))
                .filter(quarter -> quarter.compareTo(LONGEST_TICK) < 0)
                .orElse(LONGEST_TICK);
    }

    /** The first round of checks after start (or a reload) has been applied to the table. */
    public synchronized void firstRoundApplied() {
        if (!ready && !stopping) {
            ready = true;
            reloading = false;
            sendWithStatus("READY=1");
        }
    }

    @Override
    public synchronized void daemonStatus(DaemonStatus daemon) {
        switch (daemon) {
            case RELOADING -> {
                reloading = true;
                send("RELOADING=1\nMONOTONIC_USEC=" + nanos.getAsLong() / 1000);
            }
            case RUNNING -> {
                if (reloading && ready) {
                    sendWithStatus("READY=1");
                }
                reloading = false;
            }
            case STOPPING -> {
                stopping = true;
                send("STOPPING=1\nSTATUS=stopping" + extendTimeout());
            }
            case STARTING -> {
                // Nothing to tell: systemd considers the service starting until READY=1.
            }
        }
    }

    private String extendTimeout() {
        return exitWork.isZero() ? "" : "\nEXTEND_TIMEOUT_USEC=" + exitWork.toNanos() / 1000;
    }

    @Override
    public void configApplied(Config config) {
        progress.configured(ScheduledProbes.from(config), nanos.getAsLong());
        markChanged();
    }

    @Override
    public void probeResult(ProbeSpec probe, CheckResult result, Instant finished, Duration startLag) {
        progress.resultAt(nanos.getAsLong());
    }

    @Override
    public void healthEvents(List<HealthEvent> events) {
        if (events.stream().anyMatch(HealthEvent::changesTable)) {
            markChanged();
        }
    }

    @Override
    public void tablePass(String cause, ReconcileReport report) {
        if (!report.isEmpty()) {
            markChanged();
        }
    }

    private void markChanged() {
        changed.set(true);
    }

    /** Sends what is due now: a watchdog ping while probing makes progress, a pending STATUS= update. */
    public synchronized void tick() {
        long now = nanos.getAsLong();
        if (stopping) {
            return;
        }
        if (watchdog.isPresent() && now - lastPing >= watchdog.get().toNanos() / 2 && progress.madeProgress(now)) {
            lastPing = now;
            send("WATCHDOG=1");
        }
        if (ready && now - lastStatus >= STATUS_SPACING.toNanos() && changed.get()) {
            sendWithStatus("");
        }
    }

    private void sendWithStatus(String first) {
        changed.set(false);
        lastStatus = nanos.getAsLong();
        send((first.isEmpty() ? "" : first + "\n") + "STATUS=" + summary());
    }

    private String summary() {
        try {
            return StatusSummary.of(status.report());
        } catch (IpvsException | RuntimeException e) {
            return "cannot list the IPVS table: " + e.getMessage();
        }
    }

    private void send(String message) {
        try {
            sender.send(message);
            failing = false;
        } catch (IOException e) {
            if (!failing) {
                errors.accept(e.getMessage());
            }
            failing = true;
        }
    }
}
