package io.jdirectord.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drains a child process's output on a virtual thread so the child never blocks on a full pipe. Keeps
 * the first {@code maxBytes} bytes and discards the rest unread into memory. The thread ends at end of
 * stream, that is when every process holding the pipe's write end has exited.
 */
final class OutputCollector {

    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ReentrantLock lock = new ReentrantLock();
    private final Thread reader;

    private OutputCollector(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.reader = Thread.ofVirtual().name("external-check-output").start(this::drain);
    }

    static OutputCollector start(InputStream in, int maxBytes) {
        return new OutputCollector(in, maxBytes);
    }

    private void drain() {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                keep(buffer, n);
            }
        } catch (IOException ignored) {
            // The pipe broke: what was kept is all the reason needs.
        }
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
