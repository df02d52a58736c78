package io.jdirectord.daemon;

import io.jdirectord.config.Config;
import io.jdirectord.config.DaemonStatus;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.daemon.observe.MonitorObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The other daemons of the {@code execute=} lines, managed as ldirectord manages its instances: each
 * configuration named is started ({@code jdirectord CONFIG start}, which returns once that daemon is
 * ready) when this daemon's first round is in the table; at a reload, the ones still named are reloaded,
 * new ones started and the ones no longer named stopped; all are stopped when this daemon stops. Each is a
 * daemon of its own, with its pid file next to this one's ({@code <directory>/<config name>.pid}), so
 * {@code jdirectord CONFIG status} finds it. A relative name is taken next to this daemon's file when it
 * is there, else searched as the command line searches. Commands run one at a time, in order, off the
 * caller's thread; each outcome is an {@code instance} line of the failure log.
 */
final class Instances implements MonitorObserver, AutoCloseable {

    /** How long the stops at shutdown may take together, in seconds. */
    static final long STOP_SECONDS = 120;

    private final InstanceCommands commands;
    private final Path configFile;
    private final FailureLog log;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("execute").factory());
    private Set<Path> wanted = Set.of();
    private boolean running;
    private boolean closed;
    /** Whether a {@link #reconcile} is queued and not begun: another one would find nothing more to do. */
    private boolean queued;
    /** The instances whose last start succeeded and that were not stopped since; only the worker touches it. */
    private final Set<Path> started = new LinkedHashSet<>();

    Instances(InstanceCommands commands, Path configFile, FailureLog log) {
        this.commands = commands;
        this.configFile = configFile;
        this.log = log;
    }

    @Override
    public synchronized void configApplied(Config config) {
        wanted = resolve(config.globals().execute());
        if (running) {
            queueReconcile();
        }
    }

    @Override
    public synchronized void daemonStatus(DaemonStatus status) {
        if (status == DaemonStatus.RUNNING && !running && !closed) {
            running = true;
            queueReconcile();
        }
    }

    private void queueReconcile() {
        if (!queued) {
            queued = true;
            worker.execute(this::reconcile);
        }
    }

    /** Stops every instance this daemon started, waiting at most {@link #STOP_SECONDS} for them. */
    @Override
    public void close() {
        synchronized (this) {
            running = false;
            closed = true;
            worker.execute(this::stopAll);
        }
        worker.shutdown();
        try {
            worker.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
    }

    /**
     * Takes the running instances to {@link #wanted}: reloads the kept, stops the dropped, starts the new.
     * An instance counts as started only once its start succeeded, so a failed start is tried again at the
     * next reload, and a failed stop too. Reloads that come while one is queued are taken together.
     */
    private void reconcile() {
        Set<Path> target;
        synchronized (this) {
            queued = false;
            target = wanted;
        }
        for (Path config : List.copyOf(started)) {
            if (target.contains(config)) {
                run("reload", config);
            } else if (run("stop", config)) {
                started.remove(config);
            }
        }
        for (Path config : target) {
            if (!started.contains(config) && run("start", config)) {
                started.add(config);
            }
        }
    }

    private void stopAll() {
        started.forEach(config -> run("stop", config));
        started.clear();
    }

    /** Runs one command for one instance and logs its outcome; true when it succeeded. */
    private boolean run(String command, Path config) {
        ExternalCommand.Outcome outcome = commands.run(command, config);
        log.event(
                "instance",
                "config",
                config,
                "command",
                command,
                "result",
                outcome.ok() ? "ok" : "failed",
                "status",
                outcome.status(),
                "output",
                outcome.output());
        return outcome.ok();
    }

    private Set<Path> resolve(List<String> names) {
        Set<Path> paths = new LinkedHashSet<>();
        for (String name : names) {
            paths.add(resolve(name));
        }
        return paths;
    }

    /** A relative name next to this daemon's configuration when the file is there, else as given. */
    private Path resolve(String name) {
        Path given = Path.of(name);
        Optional<Path> beside = Optional.ofNullable(configFile.toAbsolutePath().getParent())
                .filter(dir -> !given.isAbsolute())
                .map(dir -> dir.resolve(given))
                .filter(Files::isRegularFile);
        return beside.orElse(given);
    }
}
