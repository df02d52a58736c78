package io.jdirectord.daemon;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the operator's commands (fallbackcommand, callback), sendmail and the execute= instances on the
 * caller's (virtual) thread with a timeout, after which the command and its children are killed.
 * fallbackcommand goes through {@code /bin/sh -c} as in ldirectord, so a value with arguments or quotes
 * works the same; callback gets the configuration path as its argument. {@link #run} discards the
 * output; {@link #capture} keeps its end for the log and runs the command in {@code /}.
 */
public final class ExternalCommand {

    /** How much of a command's output {@link #capture} keeps, in characters (its end). */
    static final int OUTPUT_CHARS = 600;

    private final Duration timeout;
    private final Set<String> removedVariables;

    public ExternalCommand(Duration timeout) {
        this(timeout, Set.of());
    }

    private ExternalCommand(Duration timeout, Set<String> removedVariables) {
        this.timeout = timeout;
        this.removedVariables = removedVariables;
    }

    /** The same runner, with these environment variables taken out of the commands' environment. */
    public ExternalCommand withoutVariables(Set<String> names) {
        return new ExternalCommand(timeout, Set.copyOf(names));
    }

    /** The exit status (-1: it did not run or finish) and the end of what it printed, on one line. */
    public record Outcome(int status, String output) {
        public boolean ok() {
            return status == 0;
        }
    }

    /** Runs {@code commandLine} through {@code /bin/sh -c}. */
    public int runShell(String commandLine) throws IOException {
        return run(List.of("/bin/sh", "-c", commandLine));
    }

    /**
     * Runs a program with arguments, no shell, standard input empty.
     *
     * @return its exit status
     * @throws IOException when it cannot start or does not finish within the timeout (it is then killed)
     */
    public int run(List<String> argv) throws IOException {
        return run(argv, null);
    }

    /** As {@link #run(List)}, with {@code input} (UTF-8) on its standard input; {@code null}: empty. */
    public int run(List<String> argv, String input) throws IOException {
        Process process = start(argv, input, ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (input != null) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            awaitExit(process, argv);
            return process.exitValue();
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * Runs a program with arguments in {@code /}, standard input empty, and keeps the last
     * {@link #OUTPUT_CHARS} characters of its output and error. Never throws: a command that cannot start,
     * runs out of time or is interrupted is an outcome with status -1. It does not wait for the output's end
     * (a daemon started in the background keeps the pipe open).
     */
    public Outcome capture(List<String> argv) {
        try {
            Process process = start(argv, null, ProcessBuilder.Redirect.PIPE)
                    .directory(new File("/"))
                    .start();
            StringBuilder tail = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> keepTail(process.getInputStream(), tail));
            awaitExit(process, argv);
            reader.join(TimeUnit.SECONDS.toMillis(5));
            synchronized (tail) {
                return new Outcome(process.exitValue(), tail.toString().strip().replaceAll("\\s*\\n\\s*", " | "));
            }
        } catch (IOException e) {
            return new Outcome(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }

    /** A builder for {@code argv}: output and error together to {@code output}, the variables taken out. */
    private Starting start(List<String> argv, String input, ProcessBuilder.Redirect output) {
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(output)
                .redirectInput(
                        input == null
                                ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                                : ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeAll(removedVariables);
        return new Starting(builder, argv.get(0));
    }

    /** A command about to start; {@link #start} says which program could not. */
    private record Starting(ProcessBuilder builder, String program) {
        Starting directory(File directory) {
            builder.directory(directory);
            return this;
        }

        Process start() throws IOException {
            try {
                return builder.start();
            } catch (IOException e) {
                throw new IOException("cannot run " + program + ": " + e.getMessage(), e);
            }
        }
    }

    /** Waits for the end within the timeout; kills the command and its children when it runs out or on interrupt. */
    private void awaitExit(Process process, List<String> argv) throws IOException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new IOException(
                        String.join(" ", argv) + ": did not finish within " + timeout.toMillis() + " ms, killed");
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Reads {@code in} to its end, keeping its last {@link #OUTPUT_CHARS} characters in {@code tail}. */
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
