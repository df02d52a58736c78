package io.jdirectord.check.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real daemon an integration test runs in the foreground with a throw-away configuration. Its output
 * goes to a log file; {@link #close()} stops it and whatever it forked (by process id, never by name).
 */
public final class DaemonProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private DaemonProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static DaemonProcess start(Path log, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        return new DaemonProcess(process, log);
    }

    /** Waits until the daemon accepts connections on address:port; fails with its log otherwise. */
    public void awaitListening(InetAddress address, int port) throws InterruptedException {
        if (!HostCommands.awaitListening(address, port, Duration.ofSeconds(20))) {
            throw new AssertionError("daemon not listening on " + address.getHostAddress() + " port " + port
                    + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")") + ":\n" + log());
        }
    }

    /**
     * Waits until the daemon's output contains {@code text} (for a daemon whose readiness a TCP connect
     * cannot tell, such as a UDP server); fails with its log otherwise.
     */
    public void awaitOutput(String text) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!log().contains(text)) {
            if (!process.isAlive() || System.nanoTime() - end > 0) {
                throw new AssertionError("daemon did not say '" + text + "'"
                        + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")") + ":\n" + log());
            }
            Thread.sleep(50);
        }
    }

    /** What the daemon has written so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroy();
            }
        }
    }
}
