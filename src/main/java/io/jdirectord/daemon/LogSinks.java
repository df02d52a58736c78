package io.jdirectord.daemon;

import io.jdirectord.config.LogTarget;
import io.jdirectord.daemon.log.EventSink;
import io.jdirectord.daemon.log.FileEventSink;
import io.jdirectord.daemon.log.StreamEventSink;
import io.jdirectord.daemon.log.SyslogEventSink;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Where the failure log goes: the configured logfile or syslog facility, plus standard error with -d. */
final class LogSinks {

    private LogSinks() {
    }

    static List<EventSink> of(LogTarget target, boolean debug, PrintStream stderr) {
        List<EventSink> sinks = new ArrayList<>();
        if (debug) {
            sinks.add(new StreamEventSink(stderr));
            return sinks;
        }
        switch (target) {
            case LogTarget.File file -> sinks.add(new FileEventSink(file.path(), stderr));
            case LogTarget.Syslog syslog -> sinks.add(new SyslogEventSink("/dev/log",
                    SyslogEventSink.facility(syslog.facility()).orElse(3), stderr));
        }
        return sinks;
    }
}
