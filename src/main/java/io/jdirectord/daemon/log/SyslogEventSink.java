package io.jdirectord.daemon.log;

import io.jdirectord.os.UnixDatagram;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends lines to the local syslog daemon through {@code /dev/log} (RFC 3164 framing, priority info,
 * tag {@code jdirectord[pid]}), as ldirectord does for a logfile that names a facility. Lines that cannot
 * be delivered go to the fallback stream.
 */
public final class SyslogEventSink implements EventSink {

    private static final List<String> FACILITIES = List.of(
            "kern",
            "user",
            "mail",
            "daemon",
            "auth",
            "syslog",
            "lpr",
            "news",
            "uucp",
            "cron",
            "authpriv",
            "ftp",
            "ntp",
            "security",
            "console",
            "solaris-cron",
            "local0",
            "local1",
            "local2",
            "local3",
            "local4",
            "local5",
            "local6",
            "local7");
    private static final int SEVERITY_INFO = 6;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    private final String socketPath;
    private final int facility;
    private final PrintStream fallback;

    public SyslogEventSink(String socketPath, int facility, PrintStream fallback) {
        this.socketPath = socketPath;
        this.facility = facility;
        this.fallback = fallback;
    }

    /** The facility number of a name such as {@code local0} or {@code daemon}. */
    public static Optional<Integer> facility(String name) {
        int index = FACILITIES.indexOf(name.toLowerCase(Locale.ROOT));
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    @Override
    public void write(String line) {
        String message =
                "<" + (facility * 8 + SEVERITY_INFO) + ">" + STAMP.format(ZonedDateTime.now(ZoneId.systemDefault()))
                        + " jdirectord[" + ProcessHandle.current().pid() + "]: " + line;
        try {
            UnixDatagram.send(socketPath, message.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            fallback.println(line);
        }
    }
}
