package io.jdirectord.cli;

import io.jdirectord.daemon.Daemon;
import io.jdirectord.daemon.DaemonOptions;
import io.jdirectord.daemon.PidFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The init-script commands. {@code start} runs the daemon, in the background or the foreground (see
 * {@link Starter}); the others find the running daemon through its pid file and signal it: TERM to
 * stop, HUP to reload. A user who may not read the pid file or signal the daemon is told so (status 4),
 * never that the daemon is stopped.
 */
final class LifecycleCommands {

    /** How long stop waits for the daemon to clean its table up and exit. */
    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final PrintWriter out;
    private final PrintWriter err;
    private final DaemonOptions options;
    private final PidFile pidFile;
    private final boolean json;
    private final Starter starter;

    LifecycleCommands(PrintWriter out, PrintWriter err, DaemonOptions options, boolean json, Starter starter) {
        this.out = out;
        this.err = err;
        this.options = options;
        this.pidFile = new PidFile(options.pidFile());
        this.json = json;
        this.starter = starter;
    }

    int run(String command) throws IOException, InterruptedException {
        if (!command.equals("start") && Privileges.unreadable(pidFile.path())) {
            return pidFileDenied();
        }
        return switch (command) {
            case "start" -> start();
            case "stop" -> stop();
            case "restart" -> restart();
            case "try-restart" -> pidFile.runningProcess().isPresent() ? restart() : ExitStatus.OK;
            case "reload", "force-reload" -> reload();
            case "status" -> status();
            case "health" -> health();
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
    }

    private int start() throws IOException, InterruptedException {
        Optional<ProcessHandle> running = pidFile.runningProcess();
        if (running.isPresent()) {
            out.println("jdirectord for " + options.configFile() + " is already running with pid "
                    + running.get().pid());
            return ExitStatus.OK;
        }
        return starter.start(options);
    }

    private int stop() throws InterruptedException {
        Optional<ProcessHandle> running = pidFile.runningProcess();
        if (running.isEmpty()) {
            out.println("jdirectord is stopped for " + options.configFile());
            return ExitStatus.OK;
        }
        ProcessHandle process = running.get();
        if (!Privileges.maySignal(process)) {
            return denied("stop", process);
        }
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            return ExitStatus.OK;
        } catch (ExecutionException | TimeoutException e) {
            err.println("jdirectord: pid " + process.pid() + " did not stop within " + STOP_WAIT.toSeconds() + " s");
            return ExitStatus.FAILURE;
        }
    }

    private int restart() throws IOException, InterruptedException {
        int stopped = stop();
        return stopped == ExitStatus.OK ? start() : stopped;
    }

    private int reload() throws IOException, InterruptedException {
        Optional<ProcessHandle> running = pidFile.runningProcess();
        if (running.isEmpty()) {
            err.println("jdirectord is stopped for " + options.configFile());
            return ExitStatus.RELOAD_NOT_RUNNING;
        }
        if (!Privileges.maySignal(running.get())) {
            return denied("reload", running.get());
        }
        Process kill = new ProcessBuilder(
                        "kill", "-HUP", Long.toString(running.get().pid()))
                .inheritIO()
                .start();
        return kill.waitFor() == 0 ? ExitStatus.OK : ExitStatus.FAILURE;
    }

    /**
     * Sends an operator's command to the running daemon and prints its answer: 0 when it was carried out,
     * 1 when the daemon refused it or did not answer, 3 when no daemon runs, 4 when the socket is not for
     * this user.
     */
    int control(String command, List<String> arguments) {
        if (Privileges.unreadable(pidFile.path())) {
            return pidFileDenied();
        }
        Optional<ProcessHandle> running = pidFile.runningProcess();
        if (running.isEmpty()) {
            err.println("jdirectord is stopped for " + options.configFile());
            return ExitStatus.NOT_RUNNING;
        }
        String request = command + " " + String.join(" ", arguments);
        Optional<String> answer = StatusClient.request(options.pidFile(), request);
        Path socket = Daemon.controlSocketFor(options.pidFile());
        if (answer.isEmpty() && Privileges.unwritable(socket)) {
            err.println("jdirectord: permission denied: " + socket + " is for root and " + Privileges.owners(socket)
                    + " only");
            return ExitStatus.NO_PRIVILEGE;
        }
        String text = answer.orElse(
                "error: jdirectord (pid " + running.get().pid() + ") does not answer on its control socket\n");
        boolean ok = text.startsWith("ok: ");
        (ok ? out : err).print(text.substring(text.indexOf(": ") + 2));
        (ok ? out : err).flush();
        return ok ? ExitStatus.OK : ExitStatus.FAILURE;
    }

    private int pidFileDenied() {
        err.println("jdirectord: permission denied: cannot read the pid file " + pidFile.path() + " (only root and "
                + Privileges.owners(pidFile.path()) + " may)");
        return ExitStatus.NO_PRIVILEGE;
    }

    private int denied(String command, ProcessHandle process) {
        err.println("jdirectord: permission denied: cannot " + command + " pid " + process.pid() + ", which runs as "
                + Privileges.userOf(process) + " (only root and that user may)");
        return ExitStatus.NO_PRIVILEGE;
    }

    /**
     * Prints the director's health line; 0 healthy, 1 unhealthy (or no answer from a running daemon),
     * 3 not running.
     */
    private int health() {
        Optional<ProcessHandle> running = pidFile.runningProcess();
        if (running.isEmpty()) {
            out.println("unhealthy: jdirectord is stopped for " + options.configFile());
            out.flush();
            return ExitStatus.NOT_RUNNING;
        }
        String line = StatusClient.request(options.pidFile(), "health")
                .orElse("unhealthy: jdirectord (pid " + running.get().pid()
                        + ") does not answer on its control socket\n");
        out.print(line);
        out.flush();
        return line.startsWith("healthy:") ? ExitStatus.OK : ExitStatus.FAILURE;
    }

    private int status() {
        Optional<ProcessHandle> running = pidFile.runningProcess();
        if (running.isPresent()) {
            Optional<String> report = StatusClient.ask(options.pidFile(), json);
            out.print(report.orElse("jdirectord for " + options.configFile() + " is running with pid: "
                    + running.get().pid() + "\n"));
            out.flush();
            Path socket = Daemon.controlSocketFor(options.pidFile());
            if (report.isEmpty() && Privileges.unwritable(socket)) {
                err.println("jdirectord: permission denied: the status report on " + socket + " is for root and "
                        + Privileges.owners(socket) + " only");
            }
            return ExitStatus.OK;
        }
        if (pidFile.isStale()) {
            out.println("jdirectord stale pid file " + pidFile.path() + " for " + options.configFile());
            return ExitStatus.FAILURE;
        }
        out.println("jdirectord is stopped for " + options.configFile());
        return ExitStatus.NOT_RUNNING;
    }
}
