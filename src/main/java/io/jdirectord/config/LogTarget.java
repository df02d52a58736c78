package io.jdirectord.config;

import java.nio.file.Path;

/** Where the failure log goes: the {@code logfile} directive is a path (starting with /) or a syslog facility. */
public sealed interface LogTarget {

    /** Append to a file, opened per line so that logrotate works. */
    record File(Path path) implements LogTarget {
    }

    /** Send to syslog with this facility (local0, daemon, ...). */
    record Syslog(String facility) implements LogTarget {
    }
}
