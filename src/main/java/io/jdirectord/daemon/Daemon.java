package io.jdirectord.daemon;

import io.jdirectord.check.StandardCheckFactory;
import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigException;
import io.jdirectord.config.ConfigMessage;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.config.DaemonStatus;
import io.jdirectord.config.LogTarget;
import io.jdirectord.daemon.alert.EmailAlerts;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.daemon.log.FileErrors;
import io.jdirectord.daemon.log.FileEventSink;
import io.jdirectord.daemon.log.FileOwner;
import io.jdirectord.daemon.log.JournalEventSink;
import io.jdirectord.daemon.report.EventReporter;
import io.jdirectord.engine.Monitor;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.schedule.QuartzProbeScheduler;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The running monitor as a process: loads the configuration, opens the table, writes the pid file, puts
 * the configuration in force, then serves signals (HUP reload, TERM/INT stop) and periodic duties
 * (autoreload, maintenance directory, alert reminders, drift repair) until stopped.
 */
public final class Daemon {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final DaemonOptions options;
    private final PrintWriter err;
    private final Clock clock = Clock.system(ZoneId.systemDefault());
    private final Signals signals = new Signals();
    private final Runnable whenReady;

    private Daemon(DaemonOptions options, PrintWriter err, Runnable whenReady) {
        this.options = options;
        this.err = err;
        this.whenReady = whenReady;
    }

    /**
     * Runs in the foreground until stopped.
     *
     * @return the process exit status: 0 after a clean stop, 2 for a configuration error (a check that
     *         cannot be built included), 1 when the table, the log file or the pid file cannot be opened
     */
    public static int run(DaemonOptions options, PrintWriter err) {
        return run(options, err, () -> {});
    }

    /** As {@link #run(DaemonOptions, PrintWriter)}; {@code whenReady} runs after every first round (start, reloads). */
    static int run(DaemonOptions options, PrintWriter err, Runnable whenReady) {
        return new Daemon(options, err, whenReady).run();
    }

    private int run() {
        Optional<Config> loaded = loadForStart();
        if (loaded.isEmpty()) {
            return 2;
        }
        Config config = loaded.get();
        FailureLog log = new FailureLog(
                LogSinks.of(
                        config.globals().logTarget(),
                        options.debug(),
                        System.err,
                        JournalEventSink.socketFor(System.getenv())),
                clock,
                options.debug());
        FatalErrors.install(log);
        try (TableOpener.Opened table = TableOpener.open(options.dryRun(), !options.debug())) {
            Preflight.check(config);
            FileOwner owner = FileOwner.forThisProcess();
            checkLogFile(config, owner);
            PidFile pidFile = new PidFile(options.pidFile());
            pidFile.writeCurrent(owner);
            try {
                return serve(config, log, table, new StandardCheckFactory(), owner);
            } finally {
                pidFile.removeIfOwned();
            }
        } catch (StartupException | IOException e) {
            err.println("jdirectord: " + e.getMessage());
            err.flush();
            log.event("start-failed", "error", e.getMessage());
            return 1;
        } finally {
            log.close();
        }
    }

    /** A log file that cannot be written stops the start, as ldirectord's "unable to open logfile" does. */
    private void checkLogFile(Config config, FileOwner owner) throws IOException {
        if (!options.debug() && config.globals().logTarget() instanceof LogTarget.File file) {
            FileEventSink.checkWritable(file.path(), owner);
        }
    }

    private Optional<Config> loadForStart() {
        try {
            Config config = new ConfigParser().parse(options.configFile());
            config.warnings().forEach(warning -> err.println(warning.asWarning()));
            err.flush();
            return Optional.of(config);
        } catch (ConfigException e) {
            e.errors().forEach(err::println);
            err.flush();
            return Optional.empty();
        } catch (IOException e) {
            err.println(new ConfigMessage(options.configFile(), 0, "cannot read: " + FileErrors.cause(e)));
            err.flush();
            return Optional.empty();
        }
    }

    private int serve(
            Config config, FailureLog log, TableOpener.Opened table, StandardCheckFactory checks, FileOwner owner)
            throws StartupException {
        EmailAlerts alerts = new EmailAlerts(
                Mailers::forSettings,
                command -> Thread.ofVirtual().start(command),
                message -> log.event("alert-error", "error", message),
                Mailers.hostname());
        EventReporter reporter = new EventReporter(log, alerts, clock);
        reporter.onFirstRound(() -> reporter.setDaemonStatus(DaemonStatus.RUNNING));
        reporter.onFirstRound(whenReady);
        log.event(
                "start",
                "config",
                options.configFile(),
                "pid",
                ProcessHandle.current().pid(),
                "version",
                BuildInfo.version(),
                "dry-run",
                options.dryRun() ? "yes" : "no",
                "virtuals",
                config.virtualServices().size());
        config.warnings()
                .forEach(w -> log.event("config-warning", "file", w.file(), "line", w.line(), "message", w.message()));
        try (Monitor monitor = new Monitor(
                table.table(),
                table.kernel(),
                listener -> QuartzProbeScheduler.start(checks, listener),
                reporter,
                new ShellFallbackCommands(new ExternalCommand(COMMAND_TIMEOUT), log),
                clock)) {
            monitor.watchStalls();
            ControlStateFile state = new ControlStateFile(
                    options.controlsFile(),
                    owner,
                    (file, error) -> log.event("state-error", "file", file, "error", error));
            restoreControls(monitor, state, config, reporter);
            StatusCollector status = new StatusCollector(monitor, options, clock);
            Integrations integrations = Integrations.attach(reporter, status, log);
            Instances instances = new Instances(InstanceCommands.of(options), options.configFile(), log);
            reporter.observe(instances);
            try (integrations;
                    instances) {
                if (!applyFirst(monitor, config, log)) {
                    return 2;
                }
                signals.install();
                String stoppedBy = runUntilStopped(
                        new ControlLoop(options, monitor, reporter, signals, clock, state),
                        status,
                        ControlCommands.of(monitor, reporter, () -> state.save(monitor::controls)),
                        log);
                reporter.setDaemonStatus(DaemonStatus.STOPPING);
                monitor.stop();
                log.event("stop", "signal", stoppedBy);
                return 0;
            }
        } catch (IpvsException e) {
            throw new StartupException("cannot read the IPVS table: " + e.getMessage(), e);
        }
    }

    /**
     * Puts the runtime controls the last run saved in force before the first table pass. A line that cannot
     * be read is a warning ({@code FILE:LINE}), a control of a real server not configured is logged and left
     * out; neither stops the start.
     */
    private void restoreControls(Monitor monitor, ControlStateFile state, Config config, EventReporter reporter) {
        ControlStateFile.Restored restored = state.read(config);
        restored.warnings().forEach(warning -> {
            err.println(warning.asWarning());
            reporter.log()
                    .event(
                            "state-warning",
                            "file",
                            warning.file(),
                            "line",
                            warning.line(),
                            "message",
                            warning.message());
        });
        err.flush();
        if (!restored.notConfigured().isEmpty()) {
            reporter.controlsDropped(restored.notConfigured(), "not configured (saved in " + state.path() + ")");
        }
        if (!restored.controls().isEmpty()) {
            reporter.log()
                    .event(
                            "controls-restored",
                            "file",
                            state.path(),
                            "controls",
                            restored.controls().size());
        }
        monitor.restoreControls(restored.controls());
        state.assumeSaved(restored.controls());
    }

    /**
     * Puts the configuration in force; a check that cannot be built is a configuration error, reported as
     * FILE:LINE before the table has been touched.
     */
    private boolean applyFirst(Monitor monitor, Config config, FailureLog log) throws IpvsException {
        try {
            monitor.apply(config);
            return true;
        } catch (ConfigException e) {
            e.errors().forEach(error -> {
                err.println(error);
                log.event("config-error", "file", error.file(), "line", error.line(), "message", error.message());
            });
            err.flush();
            log.event(
                    "start-failed",
                    "error",
                    "configuration rejected: " + e.errors().size() + " error(s)");
            return false;
        }
    }

    /** Runs the control loop with the control socket open; returns the signal that stopped it. */
    private String runUntilStopped(ControlLoop loop, StatusCollector status, ControlCommands commands, FailureLog log) {
        Optional<ControlServer> control = openControl(status, commands, log);
        try {
            return loop.runUntilStopped();
        } finally {
            control.ifPresent(ControlServer::close);
        }
    }

    /** The control socket of the daemon whose pid file is {@code pidFile}. */
    public static java.nio.file.Path controlSocketFor(java.nio.file.Path pidFile) {
        return ControlServer.socketFor(pidFile);
    }

    /** The status socket; without it the daemon still runs, and says so in the log. */
    private Optional<ControlServer> openControl(StatusCollector status, ControlCommands commands, FailureLog log) {
        java.nio.file.Path socket = ControlServer.socketFor(options.pidFile());
        try {
            return Optional.of(ControlServer.open(socket, status, commands));
        } catch (IOException e) {
            log.event("control-socket-error", "path", socket, "error", e.getMessage());
            err.println("jdirectord: " + e.getMessage() + "; jdirectord status cannot ask this daemon");
            err.flush();
            return Optional.empty();
        }
    }
}
