package io.jdirectord.checks.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server a test started on a loopback port ({@link LocalDaemon}): its port, its process, stopped
 * by {@link #close}. The harnesses of this package extend it; they also share its one-shot commands.
 */
public abstract class LoopbackServer implements AutoCloseable {

    private final LocalDaemon daemon;
    private final int port;

    protected LoopbackServer(LocalDaemon daemon, int port) {
        this.daemon = daemon;
        this.port = port;
    }

    /** The port it listens on (on 127.0.0.1 and ::1). */
    public int port() {
        return port;
    }

    public LocalDaemon daemon() {
        return daemon;
    }

    /** Waits up to 20 s each until it accepts TCP connections on 127.0.0.1 and on ::1; fails with its log. */
    protected final void awaitBothFamilies() throws IOException {
        daemon.awaitListening(InetAddress.getByName("127.0.0.1"), port);
        daemon.awaitListening(InetAddress.getByName("::1"), port);
    }

    @Override
    public void close() {
        daemon.close();
    }

    /** Runs a preparing command (an installer, a loader) to success within 120 s, its output to {@code log}. */
    protected static void prepare(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    /**
     * Runs a client command within 30 s and returns its output (stderr merged); fails naming {@code what}
     * with that output when it exits non-zero.
     */
    protected static String client(List<String> command, String what) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("'" + what + "' failed: " + output);
        }
        return output;
    }
}
