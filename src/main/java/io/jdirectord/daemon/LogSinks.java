package io.jdirectord.daemon;

import io.jdirectord.config.LogTarget;
import io.jdirectord.daemon.log.EventSink;
import io.jdirectord.daemon.log.FileEventSink;
import io.jdirectord.daemon.log.JournalEventSink;
import io.jdirectord.daemon.log.StreamEventSink;
import io.jdirectord.daemon.log.SyslogEventSink;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the failure log goes: the configured logfile or syslog facility, plus standard error with -d; under
 * systemd with no {@code logfile} directive, the default file and the journal with structured fields.
 */
final class LogSinks {

    private LogSinks() {}

    /** @param journalSocket the journal's socket when systemd started the daemon ({@link JournalEventSink#socketFor}) */
    static List<EventSink> of(LogTarget target, boolean debug, PrintStream stderr, Optional<String> journalSocket) {
        List<EventSink> sinks = new ArrayList<>();
        if (debug) {
            sinks.add(new StreamEventSink(stderr));
            return sinks;
        }
        switch (target) {
            case LogTarget.File file -> sinks.add(new FileEventSink(file.path(), stderr));
            case LogTarget.Syslog syslog ->
                sinks.add(new SyslogEventSink(
                        "/dev/log", SyslogEventSink.facility(syslog.facility()).orElse(3), stderr));
        }
        if (!target.configured()) {
            journalSocket.ifPresent(socket -> sinks.add(new JournalEventSink(socket, stderr)));
        }
        return sinks;
    }
}
