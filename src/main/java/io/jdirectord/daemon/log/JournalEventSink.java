package io.jdirectord.daemon.log;

import io.jdirectord.os.UnixDatagram;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends every event to the systemd journal as one datagram in its native protocol ({@link JournalEntry}),
 * so that {@code journalctl -u jdirectord REAL=10.0.0.5:80} finds it. Never waits for the journal and never
 * throws: an event the journal does not take is counted and dropped (the logfile keeps it); the first
 * failure after a success is reported once on the fallback stream, and the count when the journal takes
 * events again and on close.
 */
public final class JournalEventSink implements EventSink {

    /** Where journald listens for native messages. */
    public static final String SOCKET = "/run/systemd/journal/socket";
    /** Overrides {@link #SOCKET} (tests). */
    public static final String SOCKET_VARIABLE = "JDIRECTORD_JOURNAL_SOCKET";

    private final String socketPath;
    private final PrintStream fallback;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();

    public JournalEventSink(String socketPath, PrintStream fallback) {
        this.socketPath = socketPath;
        this.fallback = fallback;
    }

    /**
     * The journal's socket when systemd started this process ({@code JOURNAL_STREAM} or {@code INVOCATION_ID}
     * set): {@link #SOCKET}, or the path in {@code $JDIRECTORD_JOURNAL_SOCKET} when that is set. Otherwise empty.
     */
    public static Optional<String> socketFor(Map<String, String> environment) {
        boolean underSystemd = !environment.getOrDefault("JOURNAL_STREAM", "").isEmpty()
                || !environment.getOrDefault("INVOCATION_ID", "").isEmpty();
        String socket = environment.getOrDefault(SOCKET_VARIABLE, "");
        return underSystemd ? Optional.of(socket.isEmpty() ? SOCKET : socket) : Optional.empty();
    }

    @Override
    public void write(LogEvent event) {
        send(JournalEntry.encode(event));
    }

    @Override
    public void write(String line) {
        send(JournalEntry.encode(line));
    }

    private void send(byte[] entry) {
        try {
            UnixDatagram.sendWithoutWaiting(socketPath, entry);
            if (failing.compareAndSet(true, false)) {
                fallback.println("jdirectord: the journal takes events again; " + dropped.get()
                        + " event(s) not sent to it so far");
            }
        } catch (IOException | RuntimeException e) {
            dropped.incrementAndGet();
            if (failing.compareAndSet(false, true)) {
                fallback.println("jdirectord: cannot send events to the journal (" + e.getMessage()
                        + "); they stay in the logfile, further failures are counted");
            }
        }
    }

    /** Events the journal did not take since the start. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        if (dropped.get() > 0) {
            fallback.println("jdirectord: " + dropped.get() + " event(s) were not sent to the journal");
        }
    }
}
