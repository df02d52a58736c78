package io.jdirectord.daemon;

import io.jdirectord.config.Config;
import io.jdirectord.config.DaemonStatus;
import io.jdirectord.daemon.report.EventReporter;
import io.jdirectord.engine.Monitor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The daemon's control thread: acts on signals (reload, stop) and runs the periodic duties: autoreload
 * and callback when the file changes (once it has stopped changing, see {@link ConfigWatcher}) and alert
 * reminders every second, and the monitor's own duties (maintenance directory, drift repair) as often as
 * it asks; it saves the runtime controls when a table pass changed them (a drain that ended). The
 * configuration in force is the monitor's; a reload that is refused keeps it running, its autoreload
 * setting included.
 */
final class ControlLoop {

    private static final long TICK_MILLIS = 250;
    /** How long the file's size and modification time must stay unchanged before autoreload reads it. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private final DaemonOptions options;
    private final Monitor monitor;
    private final EventReporter reporter;
    private final Signals signals;
    private final Clock clock;
    private final ConfigWatcher watcher;
    private final ControlStateFile state;
    private final ExternalCommand callbacks = new ExternalCommand(Duration.ofSeconds(60));
    private Instant nextSecond;

    ControlLoop(
            DaemonOptions options,
            Monitor monitor,
            EventReporter reporter,
            Signals signals,
            Clock clock,
            ControlStateFile state) {
        this.options = options;
        this.state = state;
        this.monitor = monitor;
        this.reporter = reporter;
        this.signals = signals;
        this.clock = clock;
        this.watcher = new ConfigWatcher(options.configFile(), clock, SETTLE);
        this.nextSecond = clock.instant();
    }

    /** Runs until a stop request; returns the name of the signal that stopped it. */
    String runUntilStopped() {
        while (true) {
            try {
                Signals.Received received = signals.next(TICK_MILLIS);
                if (received != null && received.request() == Signals.Request.STOP) {
                    return received.signal();
                }
                if (received != null) {
                    reload("signal " + received.signal());
                }
                periodicDuties(clock.instant());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupt";
            } catch (RuntimeException e) {
                reporter.internalError("control loop", e);
            }
        }
    }

    private void periodicDuties(Instant now) {
        if (!now.isBefore(nextSecond)) {
            nextSecond = now.plusSeconds(1);
            reporter.sendReminders();
            if (watcher.changed()) {
                configChanged();
            }
        }
        monitor.tick();
        state.save(monitor::controls);
    }

    private void configChanged() {
        Config config = monitor.running().config();
        boolean auto = config.globals().autoreload();
        reporter.log().event("config-changed", "config", options.configFile(), "action", auto ? "reload" : "ignore");
        config.globals().callback().ifPresent(this::runCallback);
        if (auto) {
            reload("autoreload");
        }
    }

    private void runCallback(Path callback) {
        Thread.ofVirtual().name("callback").start(() -> {
            try {
                int status = callbacks.run(
                        List.of(callback.toString(), options.configFile().toString()));
                reporter.log().event("callback", "command", callback, "status", status);
            } catch (IOException e) {
                reporter.log().event("callback", "command", callback, "error", e.getMessage());
            }
        });
    }

    /** Parses the file again; the monitor applies it when valid and keeps the running configuration otherwise. */
    void reload(String trigger) {
        reporter.setDaemonStatus(DaemonStatus.RELOADING);
        try {
            monitor.reload(trigger, options.configFile());
        } finally {
            watcher.remember();
            reporter.setDaemonStatus(DaemonStatus.RUNNING);
        }
    }
}
