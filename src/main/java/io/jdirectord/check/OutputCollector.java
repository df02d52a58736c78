package io.jdirectord.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Collects a child process's output on a virtual thread so the child never blocks on a full pipe. Keeps
 * the first {@code maxBytes} bytes and discards the rest unread into memory. The thread reads only what
 * the pipe holds and never blocks in a read: it ends, closing the pipe, {@link #GRACE} after the child
 * itself has exited, even when a process the child left behind still holds the pipe's write end (a
 * {@code sleep 300 &} would otherwise keep a thread and a descriptor for its whole life).
 */
final class OutputCollector {

    /** How long output is still read after the child exited. */
    static final Duration GRACE = Duration.ofMillis(200);
    /** Longest pause between two looks at an empty pipe; the pauses double from 1 ms while it stays empty. */
    private static final long MAX_POLL_MILLIS = 20;

    private final Process process;
    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ReentrantLock lock = new ReentrantLock();
    private final Thread reader;

    private OutputCollector(Process process, int maxBytes) {
        this.process = process;
        this.in = process.getInputStream();
        this.maxBytes = maxBytes;
        this.reader = Thread.ofVirtual().name("external-check-output").start(this::drain);
    }

    /** Starts collecting the output (standard output, with standard error if redirected to it) of {@code process}. */
    static OutputCollector start(Process process, int maxBytes) {
        return new OutputCollector(process, maxBytes);
    }

    private void drain() {
        byte[] buffer = new byte[65536];
        long exitedAt = 0;
        long pause = 1;
        try (in) {
            while (true) {
                int available = in.available();
                if (available > 0) {
                    int n = in.read(buffer, 0, Math.min(available, buffer.length));
                    if (n < 0) {
                        return;
                    }
                    keep(buffer, n);
                    pause = 1;
                    continue;
                }
                if (!process.isAlive()) {
                    exitedAt = exitedAt == 0 ? System.nanoTime() : exitedAt;
                    if (System.nanoTime() - exitedAt >= GRACE.toNanos()) {
                        return;
                    }
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, MAX_POLL_MILLIS);
            }
        } catch (IOException | InterruptedException ignored) {
            // The pipe broke or the probe gave up: what was kept is all the reason needs.
        }
    }

    /** Whether the collector has stopped reading and closed the pipe. */
    boolean finished() {
        return !reader.isAlive();
    }

    private void keep(byte[] buffer, int n) {
        lock.lock();
        try {
            kept.write(buffer, 0, Math.min(n, maxBytes - kept.size()));
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code wait} for the end of the output, then gives its first line as kept so far. */
    String firstLine(Duration wait) throws InterruptedException {
        reader.join(wait.isNegative() ? Duration.ZERO : wait);
        String text;
        lock.lock();
        try {
            text = kept.toString(StandardCharsets.UTF_8);
        } finally {
            lock.unlock();
        }
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }
}
