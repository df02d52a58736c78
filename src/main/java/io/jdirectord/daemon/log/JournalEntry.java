package io.jdirectord.daemon.log;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * One failure-log event in the journal's native protocol: {@code MESSAGE} (the line without its timestamp),
 * {@code PRIORITY} (a syslog level, {@link #priority}), {@code SYSLOG_IDENTIFIER=jdirectord},
 * {@code JDIRECTORD_EVENT} (the event's name) and every field of the line under its key in upper case
 * ({@link #fieldName}: {@code real} is {@code REAL}). A value is at most {@link #VALUE_LIMIT_BYTES} bytes
 * of UTF-8, cut with an ellipsis beyond, so that an entry always fits in one datagram.
 */
final class JournalEntry {

    /** The longest value sent, in bytes; ten such fields stay well under the 208 KiB a datagram may carry by default. */
    static final int VALUE_LIMIT_BYTES = 8192;

    static final int ERR = 3;
    static final int WARNING = 4;
    static final int NOTICE = 5;
    static final int INFO = 6;
    static final int DEBUG = 7;

    /** Names the journal itself gives a meaning (systemd.journal-fields(7)); a key with such a name gets our prefix. */
    private static final Set<String> JOURNAL_NAMES = Set.of(
            "MESSAGE",
            "MESSAGE_ID",
            "PRIORITY",
            "CODE_FILE",
            "CODE_LINE",
            "CODE_FUNC",
            "ERRNO",
            "INVOCATION_ID",
            "USER_INVOCATION_ID",
            "SYSLOG_FACILITY",
            "SYSLOG_IDENTIFIER",
            "SYSLOG_PID",
            "SYSLOG_TIMESTAMP",
            "SYSLOG_RAW",
            "DOCUMENTATION",
            "TID",
            "UNIT",
            "USER_UNIT",
            "JDIRECTORD_EVENT");

    private static final Set<String> NOTICES =
            Set.of("up", "unknown", "weight", "table", "start", "ready", "reload", "stop");
    private static final Set<String> WARNINGS = Set.of("down", "drift", "config-warning", "state-warning");
    private static final String ELLIPSIS = "…";

    private JournalEntry() {}

    /** The datagram for {@code event}. */
    static byte[] encode(LogEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, "MESSAGE", event.text());
        field(out, "PRIORITY", Integer.toString(priority(event)));
        field(out, "SYSLOG_IDENTIFIER", "jdirectord");
        field(out, "JDIRECTORD_EVENT", event.name());
        event.fields().forEach((key, value) -> field(out, fieldName(key), value));
        return out.toByteArray();
    }

    /** The datagram for a line that is not an event: only MESSAGE, PRIORITY (info) and SYSLOG_IDENTIFIER. */
    static byte[] encode(String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, "MESSAGE", line);
        field(out, "PRIORITY", Integer.toString(INFO));
        field(out, "SYSLOG_IDENTIFIER", "jdirectord");
        return out.toByteArray();
    }

    /**
     * The syslog level of an event: err for {@code *-error} and {@code start-failed}, warning for
     * {@code down}, {@code drift}, {@code config-warning} and a reload that did not succeed, notice for the
     * other changes of state ({@code up}, {@code weight}, {@code table}, {@code start}, {@code ready},
     * {@code reload}, {@code stop}), debug for {@code probe}, info for the rest.
     */
    static int priority(LogEvent event) {
        String name = event.name();
        if (name.endsWith("-error") || name.equals("start-failed")) {
            return ERR;
        }
        if (WARNINGS.contains(name)
                || name.equals("reload") && !"ok".equals(event.fields().get("result"))) {
            return WARNING;
        }
        if (NOTICES.contains(name)) {
            return NOTICE;
        }
        return name.equals("probe") ? DEBUG : INFO;
    }

    /**
     * A key as a journal field name: upper case, any character but a letter or digit as '_' ({@code dry-run}
     * is {@code DRY_RUN}); {@code JDIRECTORD_} in front of a name the journal defines ({@code message}) or
     * that does not start with a letter.
     */
    static String fieldName(String key) {
        String name = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        boolean ours =
                !name.isEmpty() && name.charAt(0) >= 'A' && name.charAt(0) <= 'Z' && !JOURNAL_NAMES.contains(name);
        return ours ? name : "JDIRECTORD_" + name;
    }

    /** {@code NAME=value\n}, or for a value with a newline {@code NAME\n}, its length (64 bits, little-endian), the value and {@code \n}. */
    private static void field(ByteArrayOutputStream out, String name, String value) {
        byte[] bytes = limited(value);
        out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        if (!containsNewline(bytes)) {
            out.write('=');
        } else {
            out.write('\n');
            out.writeBytes(ByteBuffer.allocate(Long.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(bytes.length)
                    .array());
        }
        out.writeBytes(bytes);
        out.write('\n');
    }

    private static boolean containsNewline(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                return true;
            }
        }
        return false;
    }

    /** {@code value} in UTF-8, cut after whole characters and ended with an ellipsis when longer than the limit. */
    static byte[] limited(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= VALUE_LIMIT_BYTES) {
            return bytes;
        }
        int budget = VALUE_LIMIT_BYTES - ELLIPSIS.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return kept.append(ELLIPSIS).toString().getBytes(StandardCharsets.UTF_8);
    }
}
