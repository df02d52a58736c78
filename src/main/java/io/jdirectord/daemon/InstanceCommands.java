package io.jdirectord.daemon;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code jdirectord [--dry-run] --pid-file FILE CONFIG COMMAND} for an {@code execute=} instance and
 * says how it went. The pid file lies beside this daemon's; the command runs as this process runs
 * ({@link SelfCommand}), without this daemon's systemd variables (the instance is not the unit's main
 * process, and a start that saw NOTIFY_SOCKET would stay in the foreground).
 */
interface InstanceCommands {

    /** How long a start may take (it returns once the instance is ready), and any other command. */
    Duration START_TIMEOUT = Duration.ofSeconds(300);

    Duration OTHER_TIMEOUT = Duration.ofSeconds(60);
    /** How much of a command's output is kept for the log, in characters (its end). */
    int OUTPUT_CHARS = 600;

    /** The exit status (-1: it did not run or finish) and the end of what it printed, on one line. */
    record Outcome(int status, String output) {
        boolean ok() {
            return status == 0;
        }
    }

    Outcome run(String command, Path config);

    /** The commands of a daemon whose pid file is {@code pidFile}, in a dry run when {@code dryRun}. */
    static InstanceCommands of(Path pidFile, boolean dryRun) {
        return (command, config) -> {
            List<String> arguments = new ArrayList<>();
            if (dryRun) {
                arguments.add("--dry-run");
            }
            Path directory = pidFile.toAbsolutePath().getParent();
            Path instancePid = directory.resolve(config.getFileName() + ".pid");
            arguments.addAll(List.of("--pid-file", instancePid.toString(), config.toString(), command));
            return execute(SelfCommand.of(arguments), command.equals("start") ? START_TIMEOUT : OTHER_TIMEOUT);
        };
    }

    /** Runs {@code argv} with standard input empty, output and error together; kills it after {@code timeout}. */
    static Outcome execute(List<String> argv, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .directory(new File("/"));
        Map<String, String> environment = builder.environment();
        List.of("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID")
                .forEach(environment::remove);
        try {
            Process process = builder.start();
            StringBuilder output = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> keepTail(process.getInputStream(), output));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Outcome(-1, "did not finish within " + timeout.toSeconds() + " s, killed");
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
            synchronized (output) {
                return new Outcome(
                        process.exitValue(), output.toString().strip().replaceAll("\\s*\\n\\s*", " | "));
            }
        } catch (IOException e) {
            return new Outcome(-1, "cannot run " + argv.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }

    /**
     * Reads {@code in} to its end, keeping its last {@link #OUTPUT_CHARS} characters in {@code tail}. A
     * background daemon keeps the pipe open after start returns, so the caller does not wait for the end.
     */
    private static void keepTail(InputStream in, StringBuilder tail) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (tail) {
                    tail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (tail.length() > OUTPUT_CHARS) {
                        tail.delete(0, tail.length() - OUTPUT_CHARS);
                    }
                }
            }
        } catch (IOException e) {
            // the process ended or was killed: what was read is kept
        }
    }
}
