package io.jdirectord.daemon;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the operator's commands (fallbackcommand, callback, execute) on the caller's (virtual) thread
 * with a timeout, output discarded. fallbackcommand goes through {@code /bin/sh -c} as in ldirectord, so
 * a value with arguments or quotes works the same; callback gets the configuration path as its argument.
 */
public final class ExternalCommand {

    private final Duration timeout;

    public ExternalCommand(Duration timeout) {
        this.timeout = timeout;
    }

    /** Runs {@code command} through the shell with the arguments appended, each shell-quoted. */
    public int runShell(String command, List<String> arguments) throws IOException {
        StringBuilder line = new StringBuilder(command);
        arguments.forEach(argument -> line.append(' ').append(shellQuote(argument)));
        return run(List.of("/bin/sh", "-c", line.toString()));
    }

    /**
     * Runs a program with arguments, no shell.
     *
     * @return its exit status
     * @throws IOException when it cannot start or does not finish within the timeout (it is then killed)
     */
    public int run(List<String> argv) throws IOException {
        Process process = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException(argv.get(argv.size() - 1) + ": did not finish within " + timeout.toMillis() + " ms, killed");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String shellQuote(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
