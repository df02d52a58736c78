package io.jdirectord.daemon;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the operator's commands (fallbackcommand, callback, execute) and sendmail on the caller's
 * (virtual) thread with a timeout, output discarded. fallbackcommand goes through {@code /bin/sh -c} as
 * in ldirectord, so a value with arguments or quotes works the same; callback gets the configuration
 * path as its argument.
 */
public final class ExternalCommand {

    private final Duration timeout;

    public ExternalCommand(Duration timeout) {
        this.timeout = timeout;
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
        Process process = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(
                        input == null
                                ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                                : ProcessBuilder.Redirect.PIPE)
                .start();
        try {
            if (input != null) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException(
                        String.join(" ", argv) + ": did not finish within " + timeout.toMillis() + " ms, killed");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
    }
}
