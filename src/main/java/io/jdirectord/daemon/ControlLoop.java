package io.jdirectord.daemon;

import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigException;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.config.DaemonStatus;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.daemon.report.EventReporter;
import io.jdirectord.engine.MaintenanceDirectory;
import io.jdirectord.engine.MaintenanceScan;
import io.jdirectord.engine.Monitor;
import io.jdirectord.ipvs.IpvsException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daemon's control thread: acts on signals (reload, stop) and runs the periodic duties: autoreload
 * and callback when the file changes, the maintenance directory every checkinterval, alert reminders
 * every second, drift repair every repairinterval. A reload parses and validates the new file first and
 * keeps the old configuration running when it has errors.
 */
final class ControlLoop {

    private static final long TICK_MILLIS = 250;

    private final DaemonOptions options;
    private final Monitor monitor;
    private final EventReporter reporter;
    private final Signals signals;
    private final Clock clock;
    private final ConfigWatcher watcher;
    private final ExternalCommand callbacks = new ExternalCommand(Duration.ofSeconds(60));
    private final Map<Endpoint, Optional<String>> hostNames = new ConcurrentHashMap<>();
    private Config config;
    private Instant nextSecond;
    private Instant nextMaintenance;
    private Instant nextRepair;

    ControlLoop(DaemonOptions options, Config config, Monitor monitor, EventReporter reporter, Signals signals, Clock clock) {
        this.options = options;
        this.config = config;
        this.monitor = monitor;
        this.reporter = reporter;
        this.signals = signals;
        this.clock = clock;
        this.watcher = new ConfigWatcher(options.configFile());
        Instant now = clock.instant();
        this.nextSecond = now;
        this.nextMaintenance = now;
        this.nextRepair = now.plus(config.globals().repairInterval());
        lookUpHostNames(config);
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
        if (config.globals().maintenanceDir().isPresent() && !now.isBefore(nextMaintenance)) {
            nextMaintenance = now.plus(max(config.globals().checkInterval(), Duration.ofSeconds(1)));
            scanMaintenance(config.globals().maintenanceDir().get());
        }
        Duration repair = config.globals().repairInterval();
        if (!repair.isZero() && !now.isBefore(nextRepair)) {
            nextRepair = now.plus(repair);
            monitor.repair();
        }
    }

    private void configChanged() {
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
                int status = callbacks.run(List.of(callback.toString(), options.configFile().toString()));
                reporter.log().event("callback", "command", callback, "status", status);
            } catch (IOException e) {
                reporter.log().event("callback", "command", callback, "error", e.getMessage());
            }
        });
    }

    /** Parses the file again; applies it when valid, keeps the running configuration otherwise. */
    void reload(String trigger) {
        reporter.setDaemonStatus(DaemonStatus.RELOADING);
        try {
            Config next = new ConfigParser().parse(options.configFile());
            next.warnings().forEach(w -> reporter.log().event("config-warning", "file", w.file(), "line", w.line(), "message", w.message()));
            monitor.apply(next);
            config = next;
            lookUpHostNames(next);
            reporter.log().event("reload", "trigger", trigger, "result", "ok", "virtuals", next.virtualServices().size());
        } catch (ConfigException e) {
            e.errors().forEach(error -> reporter.log().event("config-error", "file", error.file(), "line", error.line(), "message", error.message()));
            reporter.log().event("reload", "trigger", trigger, "result", "rejected", "errors", e.errors().size(),
                    "kept", "previous configuration");
        } catch (IOException | IpvsException e) {
            reporter.log().event("reload", "trigger", trigger, "result", "failed", "error", e.getMessage(), "kept", "previous configuration");
        } finally {
            watcher.remember();
            reporter.setDaemonStatus(DaemonStatus.RUNNING);
        }
    }

    private void scanMaintenance(Path directory) {
        Set<Endpoint> reals = new LinkedHashSet<>();
        for (VirtualService virtual : config.virtualServices()) {
            for (RealServer real : virtual.reals()) {
                reals.add(real.endpoint());
            }
        }
        monitor.applyMaintenance(MaintenanceScan.read(new MaintenanceDirectory(directory), reals, hostNames));
    }

    /** Reverse lookups for the maintenance file names, once per configuration, off the control thread. */
    private void lookUpHostNames(Config loaded) {
        if (loaded.globals().maintenanceDir().isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("reverse-dns").start(() -> {
            for (VirtualService virtual : loaded.virtualServices()) {
                for (RealServer real : virtual.reals()) {
                    hostNames.computeIfAbsent(real.endpoint(), endpoint -> reverseName(endpoint.address()));
                }
            }
        });
    }

    private static Optional<String> reverseName(InetAddress address) {
        String name = address.getCanonicalHostName();
        return name.equals(address.getHostAddress()) ? Optional.empty() : Optional.of(name);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
