package io.jdirectord.daemon.log;

import io.jdirectord.daemon.status.JsonString;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the failure log: a timestamp, an event name and ordered {@code key=value} fields.
 * Rendered as {@code 2026-11-21T07:12:03.123+00:00 down virtual=tcp:192.0.2.10:80 real=198.51.100.2:80 ...};
 * a value with spaces, quotes, '=' or control characters is double-quoted with JSON string escapes
 * ({@link JsonString}), so every event is exactly one line and splits with a shell-friendly grammar.
 */
public record LogEvent(OffsetDateTime time, String name, Map<String, String> fields) {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    public LogEvent {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Starts an event; add fields with {@link Builder#with}. */
    public static Builder at(OffsetDateTime time, String name) {
        return new Builder(time, name);
    }

    public String render() {
        return TIMESTAMP.format(time) + " " + text();
    }

    /** The line without its timestamp: {@code down virtual=tcp:192.0.2.10:80 real=198.51.100.2:80 ...}. */
    public String text() {
        StringBuilder line = new StringBuilder(name);
        fields.forEach((key, value) -> line.append(' ').append(key).append('=').append(quote(value)));
        return line.toString();
    }

    static String quote(String value) {
        if (!value.isEmpty() && !needsQuotes(value)) {
            return value;
        }
        return JsonString.quote(value);
    }

    /** A loop, not a stream: every field of every line passes here (10,000 lines when 10,000 servers die). */
    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (needsQuotes(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean needsQuotes(int c) {
        return c <= ' ' || c == '"' || c == '\\' || c == '=' || c == 0x7f;
    }

    /** Collects fields in order; empty values are kept (rendered as ""). */
    public static final class Builder {
        private final OffsetDateTime time;
        private final String name;
        private final Map<String, String> fields = new LinkedHashMap<>();

        private Builder(OffsetDateTime time, String name) {
            this.time = time;
            this.name = name;
        }

        public Builder with(String key, Object value) {
            fields.put(key, String.valueOf(value));
            return this;
        }

        public LogEvent build() {
            return new LogEvent(time, name, fields);
        }
    }
}
