package io.jdirectord.config;

import java.nio.file.Path;

/** Where the failure log goes: the {@code logfile} directive is a path (starting with /) or a syslog facility. */
public sealed interface LogTarget {

    /** Whether a {@code logfile} directive chose this target (false for the default file). */
    boolean configured();

    /**
     * Append to a file, opened per line so that logrotate works.
     *
     * @param configured false for the default file, when no {@code logfile} is given
     */
    record File(Path path, boolean configured) implements LogTarget {

        /** A file named by {@code logfile}. */
        public File(Path path) {
            this(path, true);
        }
    }

    /** Send to syslog with this facility (local0, daemon, ...). */
    record Syslog(String facility) implements LogTarget {

        @Override
        public boolean configured() {
            return true;
        }
    }
}
