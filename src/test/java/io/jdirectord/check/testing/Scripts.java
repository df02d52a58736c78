package io.jdirectord.check.testing;

import io.jdirectord.check.testing.ScriptedServer.Script;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Server behaviours for {@link ScriptedServer}: the good, the bad and the slow. */
public final class Scripts {

    private static final int MAX_REQUEST = 64 * 1024;
    private static final ScheduledExecutorService PACER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scripted-server-pacer");
        thread.setDaemon(true);
        return thread;
    });

    private Scripts() {}

    /** Sends {@code text} at once, then closes (a greeting-first protocol such as NNTP). */
    public static Script sendAndClose(String text) {
        return connection -> {
            connection.out().write(bytes(text));
            connection.socket().close();
        };
    }

    /** Sends {@code text} at once and keeps the connection open without reading or writing more. */
    public static Script sendAndHold(String text) {
        return connection -> connection.out().write(bytes(text));
    }

    /** Reads an HTTP request head (up to the blank line), records it, sends {@code reply}, closes. */
    public static Script afterRequestHead(String reply) {
        return connection -> {
            connection.record(readUntil(connection.in(), "\r\n\r\n"));
            connection.out().write(bytes(reply));
            connection.socket().close();
        };
    }

    /** Reads an HTTP request head, records it, and resets the connection (a close with linger 0: RST). */
    public static Script resetAfterRequestHead() {
        return connection -> {
            connection.record(readUntil(connection.in(), "\r\n\r\n"));
            connection.socket().setSoLinger(true, 0);
            connection.socket().close();
        };
    }

    /** Answers every request head on the connection with {@code reply}, keeping it open (HTTP keep-alive). */
    public static Script keepAlive(String reply) {
        return connection -> {
            for (String head = readUntil(connection.in(), "\r\n\r\n");
                    !head.isEmpty();
                    head = readUntil(connection.in(), "\r\n\r\n")) {
                connection.record(head);
                connection.out().write(bytes(reply));
            }
        };
    }

    /** Reads until the client shuts its write side, records it, sends {@code reply}, closes. */
    public static Script afterEndOfRequest(String reply) {
        return connection -> {
            connection.record(readUntil(connection.in(), null));
            connection.out().write(bytes(reply));
            connection.socket().close();
        };
    }

    /** Accepts and never answers; what the client sends is read and dropped. */
    public static Script silent() {
        return connection -> drainInBackground(connection.in());
    }

    /** Sends {@code prefix}, then one byte of {@code filler} every {@code interval}, forever. */
    public static Script trickle(String prefix, char filler, Duration interval) {
        return connection -> {
            drainInBackground(connection.in());
            OutputStream out = connection.out();
            out.write(bytes(prefix));
            AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
            task.set(PACER.scheduleAtFixedRate(
                    () -> {
                        try {
                            out.write(filler);
                            out.flush();
                        } catch (IOException closed) {
                            task.get().cancel(false);
                        }
                    },
                    interval.toNanos(),
                    interval.toNanos(),
                    TimeUnit.NANOSECONDS));
        };
    }

    /** Sends {@code prefix}, then {@code bytes} bytes of {@code filler} as fast as the client takes them. */
    public static Script flood(String prefix, char filler, long bytes) {
        return connection -> {
            drainInBackground(connection.in());
            OutputStream out = connection.out();
            out.write(bytes(prefix));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) filler);
            for (long left = bytes; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            connection.socket().close();
        };
    }

    /** Sends {@code text} over and over, {@code bytes} in all (whole repetitions), then closes. */
    public static Script repeat(String text, long bytes) {
        return connection -> {
            drainInBackground(connection.in());
            OutputStream out = connection.out();
            byte[] chunk = bytes(text.repeat(Math.max(1, 64 * 1024 / text.length())));
            for (long left = bytes; left > 0; left -= chunk.length) {
                out.write(chunk);
            }
            connection.socket().close();
        };
    }

    /** Sends {@code bytes} random bytes (fixed seed), then closes. */
    public static Script garbage(int bytes) {
        return connection -> {
            drainInBackground(connection.in());
            byte[] noise = new byte[bytes];
            new Random(42).nextBytes(noise);
            connection.out().write(noise);
            connection.socket().close();
        };
    }

    private static void drainInBackground(InputStream in) {
        Thread.ofVirtual().name("scripted-server-drain").start(() -> {
            try {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException closed) {
                // The connection is gone; nothing more to drain.
            }
        });
    }

    /** Reads until {@code end} (or end of stream when null), at most 64 KiB. */
    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        StringBuilder tail = new StringBuilder();
        for (int b = in.read(); b >= 0 && seen.size() < MAX_REQUEST; b = in.read()) {
            seen.write(b);
            tail.append((char) b);
            if (end != null && tail.length() > end.length()) {
                tail.deleteCharAt(0);
            }
            if (end != null && tail.toString().equals(end)) {
                break;
            }
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
