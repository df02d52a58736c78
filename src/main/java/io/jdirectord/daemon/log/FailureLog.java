package io.jdirectord.daemon.log;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The failure log operators tail: one {@link LogEvent} line per event, in the stable format documented
 * in src/doc/failure-log.md. Every event of the daemon goes through {@link #event}; per-probe lines
 * only when debug is on. Thread-safe when the sinks are.
 */
public final class FailureLog {

    private final List<EventSink> sinks;
    private final Clock clock;
    private final boolean debug;

    /**
     * @param sinks where lines go (the logfile or syslog; also standard error with -d)
     * @param clock timestamps, in the zone of the clock
     * @param debug whether {@link #debugEvent} lines are written
     */
    public FailureLog(List<EventSink> sinks, Clock clock, boolean debug) {
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
        this.debug = debug;
    }

    /** Writes one event; {@code keyValues} alternates keys and values. */
    public void event(String name, Object... keyValues) {
        write(build(name, keyValues));
    }

    /** Writes an event with fields already collected in order. */
    public void event(String name, Map<String, String> fields) {
        LogEvent.Builder builder = LogEvent.at(OffsetDateTime.now(clock), name);
        fields.forEach(builder::with);
        write(builder.build());
    }

    /** Writes one event only in debug mode (per-probe results). */
    public void debugEvent(String name, Object... keyValues) {
        if (debug) {
            write(build(name, keyValues));
        }
    }

    public boolean debug() {
        return debug;
    }

    private LogEvent build(String name, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up: " + List.of(keyValues));
        }
        LogEvent.Builder builder = LogEvent.at(OffsetDateTime.now(clock), name);
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.with(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return builder.build();
    }

    private void write(LogEvent event) {
        List<RuntimeException> failures = new ArrayList<>();
        for (EventSink sink : sinks) {
            try {
                sink.write(event);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            System.err.println(event.render());
        }
    }

    /** Closes the sinks. */
    public void close() {
        sinks.forEach(EventSink::close);
    }
}
