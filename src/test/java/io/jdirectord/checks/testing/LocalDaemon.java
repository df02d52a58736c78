package io.jdirectord.checks.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real server process run by a test on a loopback port: started in the foreground, stopped with
 * SIGTERM (SIGKILL after 10 s), frozen with SIGSTOP to play a server that accepts but never answers.
 */
public final class LocalDaemon implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private boolean frozen;

    private LocalDaemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command}, its output going to {@code log}, and waits until it listens on 127.0.0.1:port. */
    public static LocalDaemon start(String name, List<String> command, Path log, int port, Duration startLimit)
            throws IOException, InterruptedException {
        LocalDaemon daemon = start(name, command, log);
        daemon.awaitListening(InetAddress.getByName("127.0.0.1"), port, startLimit);
        return daemon;
    }

    /** Starts {@code command}, its output going to {@code log}, without waiting (see {@link #awaitListening}). */
    public static LocalDaemon start(String name, List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        return new LocalDaemon(name, process, log);
    }

    /** Waits up to 20 s until it accepts connections on address:port (IPv4 or IPv6); fails with its log otherwise. */
    public void awaitListening(InetAddress address, int port) throws IOException {
        awaitListening(address, port, Duration.ofSeconds(20));
    }

    /**
     * Waits up to 20 s until its output contains {@code text} (readiness of a daemon that only listens on
     * UDP); fails with its log when it exits or the time is up.
     */
    public void awaitOutput(String text) throws IOException {
        try {
            Awaitility.await(name + " saying '" + text + "'")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !process.isAlive() || log().contains(text));
        } catch (ConditionTimeoutException e) {
            throw new IOException(name + " did not say '" + text + "' within 20 s: " + log(), e);
        }
        if (!log().contains(text)) {
            throw new IOException(
                    name + " exited with " + process.exitValue() + " before saying '" + text + "': " + log());
        }
    }

    /** A TCP port that was free on the loopback a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(InetAddress address, int port, Duration limit) throws IOException {
        InetSocketAddress endpoint = new InetSocketAddress(address, port);
        try {
            Awaitility.await(name + " listening")
                    .atMost(limit)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !process.isAlive() || accepts(endpoint));
        } catch (ConditionTimeoutException e) {
            close();
            throw new IOException(name + " did not listen on " + endpoint + " within " + limit + ": " + logText(), e);
        }
        if (!process.isAlive()) {
            throw new IOException(name + " exited with " + process.exitValue() + ": " + logText());
        }
    }

    private static boolean accepts(InetSocketAddress endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(endpoint, 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    public String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** What it has written so far, or why that cannot be read: for assertion messages. */
    public String log() {
        try {
            return logText();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGSTOP: the kernel still accepts connections, nothing answers. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
        frozen = false;
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /**
     * Stops the server: SIGTERM (after SIGCONT if frozen), SIGKILL if it is still there after 10 s; then
     * SIGTERM to what it forked (by process id, never by name).
     */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        try {
            if (frozen) {
                thaw();
            }
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    }
}
