package io.jdirectord.check.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs host programs for integration tests: commands with a time limit, and root/binary checks. */
public final class HostCommands {

    private HostCommands() {}

    /** How a command ended; exit code -1 when it was killed at its time limit. */
    public record Outcome(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs {@code command} to completion (at most {@code limit}), stderr merged into the output. */
    public static Outcome run(Duration limit, List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[][] output = new byte[1][];
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    output[0] = process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    output[0] = new byte[0];
                }
            });
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                reader.join();
                return new Outcome(-1, "killed after " + limit + ": " + text(output[0]));
            }
            reader.join();
            return new Outcome(process.exitValue(), text(output[0]));
        } catch (IOException e) {
            return new Outcome(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }

    public static Outcome run(String... command) {
        return run(Duration.ofSeconds(60), List.of(command));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Whether this process runs as uid 0 (the owner of /proc/self is the effective uid). */
    public static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Skips the calling test when {@code present} is false, with {@code what} as the reason; in CI
     * (environment CI=true) fails it instead, since CI installs every daemon the tests use.
     */
    public static void requireInstalled(boolean present, String what) {
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(what + " is not installed, and CI must run this test (.ci/install-packages)");
        }
        Assumptions.assumeTrue(present, what + " is not installed");
    }

    public static boolean executable(String path) {
        return Files.isExecutable(Path.of(path));
    }

    /** {@link #requireInstalled} for one program: skips, or under CI=true fails, when it is not executable. */
    public static void requireExecutable(String path) {
        requireInstalled(executable(path), path);
    }

    /**
     * A new temporary directory that other users may enter (mode 755): daemons read their files there
     * after dropping privileges.
     */
    public static Path openTempDirectory(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return directory;
    }

    /** Deletes a directory tree; what cannot be deleted is left. */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary file is harmless.
        }
    }

    /** A TCP port on {@code address} that was free a moment ago. */
    public static int freePort(InetAddress address) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, 0));
            return socket.getLocalPort();
        }
    }

    /** Polls until something accepts connections on address:port; false when {@code limit} passes first. */
    public static boolean awaitListening(InetAddress address, int port, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }
}
