package io.jdirectord.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The built jar running {@code --dry-run ... start} in the foreground on a throw-away configuration,
 * with extra environment; its output goes to a file. {@link #close()} stops it with SIGTERM (by process
 * id) and waits for it.
 */
final class JarDaemon implements AutoCloseable {

    static final Path JAR = Path.of("target/jdirectord.jar");

    private final Process process;
    private final Path output;

    private JarDaemon(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Writes {@code config} to {@code dir} and starts the daemon on it. */
    static JarDaemon start(Path dir, String config, Map<String, String> environment) throws IOException {
        return start(dir, config, environment, List.of());
    }

    /** Writes {@code config} to {@code dir} and starts the daemon on it in a JVM with {@code jvmOptions}. */
    static JarDaemon start(Path dir, String config, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        Path file = dir.resolve("jdirectord.cf");
        Files.writeString(file, config);
        Path output = dir.resolve("daemon.out");
        List<String> command = new java.util.ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "--dry-run", "--pid-file", dir.resolve("jdirectord.pid").toString(),
                file.toString(), "start"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return new JarDaemon(process, output);
    }

    /** Polls {@code condition} every 100 ms until it holds; fails with the daemon's output after {@code timeout}. */
    void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end) || !process.isAlive()) {
                throw new AssertionError("gave up waiting for " + what + (process.isAlive() ? "" : " (daemon exited "
                        + process.exitValue() + ")") + "; daemon output:\n" + output());
            }
            Thread.sleep(100);
        }
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Stops the daemon with SIGTERM and returns its exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    /** A configuration with one virtual service whose real servers are checked by connect every 500 ms. */
    static String connectConfig(Path dir, List<Integer> realPorts, String... globals) {
        StringBuilder text = new StringBuilder("checkinterval=0.5\nchecktimeout=1\nlogfile=\"" + dir.resolve("jdirectord.log") + "\"\n");
        for (String global : globals) {
            text.append(global).append('\n');
        }
        text.append("virtual=192.0.2.10:80\n    checktype=connect\n    scheduler=wrr\n    protocol=tcp\n");
        realPorts.forEach(port -> text.append("    real=127.0.0.1:").append(port).append(" gate 1\n"));
        return text.toString();
    }
}
