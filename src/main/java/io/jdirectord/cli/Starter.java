package io.jdirectord.cli;

import io.jdirectord.config.ConfigException;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.daemon.Daemon;
import io.jdirectord.daemon.DaemonOptions;
import io.jdirectord.daemon.Detached;
import io.jdirectord.daemon.SelfCommand;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How {@code start} runs the daemon. From a shell, as ldirectord does, it starts the daemon in the
 * background (a child JVM with this one's options, its own session, standard input from /dev/null),
 * waits until the daemon's first round of checks is in the table or it failed, passes on what the daemon
 * wrote meanwhile (warnings, the reason it failed), and returns 0 or the daemon's exit status. It stays in
 * the foreground when asked ({@code -f}, {@code -d}), under systemd ({@code NOTIFY_SOCKET}, Type=notify)
 * and with {@code supervised=yes}.
 */
final class Starter {

    /** How long start waits for a background daemon to be ready: the unit's TimeoutStartSec. */
    static final Duration READY_WAIT = Duration.ofSeconds(300);
    /** The hidden option that makes a process the background daemon of a start. */
    static final String CHILD_OPTION = "--background-child";

    /** How the command line asked start to run. */
    enum Mode {
        DEFAULT,
        FOREGROUND,
        BACKGROUND_CHILD
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final Mode mode;

    Starter(PrintWriter out, PrintWriter err, Mode mode) {
        this.out = out;
        this.err = err;
        this.mode = mode;
    }

    /** Starts the daemon; returns the exit status (see {@link Daemon#run}). */
    int start(DaemonOptions options) throws IOException, InterruptedException {
        out.flush();
        return switch (mode) {
            case BACKGROUND_CHILD -> Detached.run(options, out, err);
            case FOREGROUND -> Daemon.run(options, err);
            case DEFAULT -> inForeground(options, System.getenv()) ? Daemon.run(options, err) : inBackground(options);
        };
    }

    /**
     * Whether a start without {@code -f} stays in the foreground: with {@code -d}, under systemd, with
     * {@code supervised=yes}, or when the file cannot be read (the foreground start says why, status 2).
     */
    static boolean inForeground(DaemonOptions options, Map<String, String> environment) {
        if (options.debug() || environment.containsKey("NOTIFY_SOCKET")) {
            return true;
        }
        try {
            return new ConfigParser().parse(options.configFile()).globals().supervised();
        } catch (ConfigException | IOException e) {
            return true;
        }
    }

    private int inBackground(DaemonOptions options) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(childCommand(
                        options,
                        ProcessHandle.current().info().command().orElse("java"),
                        ManagementFactory.getRuntimeMXBean().getInputArguments(),
                        System.getProperty("java.class.path")))
                .directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .start();
        String readyLine = Detached.readyLine(Path.of(absolute(options.configFile())), child.pid());
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread.ofVirtual().name("start-output").start(() -> ready.complete(passOn(child.getInputStream(), readyLine)));
        try {
            if (ready.get(READY_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                out.println(readyLine);
                return ExitStatus.OK;
            }
        } catch (TimeoutException e) {
            err.println("jdirectord: pid " + child.pid() + " is not ready after " + READY_WAIT.toSeconds()
                    + " s; it goes on starting in the background (its log says how far it is)");
            return ExitStatus.FAILURE;
        } catch (ExecutionException e) {
            throw new IOException("cannot read the daemon's output", e.getCause());
        }
        return failed(child);
    }

    /** The exit status of a child that closed its output without being ready. */
    private int failed(Process child) throws InterruptedException {
        int status = child.waitFor();
        if (status == ExitStatus.OK) {
            err.println("jdirectord: pid " + child.pid() + " exited before it was ready");
            return ExitStatus.FAILURE;
        }
        return status;
    }

    /** Copies the child's output to standard error until its ready line (true) or its end (false). */
    private boolean passOn(InputStream output, String readyLine) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.equals(readyLine)) {
                    return true;
                }
                err.println(line);
                err.flush();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The child's command line: this JVM with its options, the same classes ({@link SelfCommand}),
     * {@code CHILD_OPTION ... CONFIG start}.
     */
    static List<String> childCommand(DaemonOptions options, String java, List<String> jvmOptions, String classPath) {
        List<String> arguments = new ArrayList<>(List.of(CHILD_OPTION));
        if (options.dryRun()) {
            arguments.add("--dry-run");
        }
        arguments.addAll(List.of(
                "--pid-file",
                absolute(options.pidFile()),
                "--state-dir",
                absolute(options.stateDir()),
                absolute(options.configFile()),
                "start"));
        return SelfCommand.of(java, jvmOptions, classPath, arguments);
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
