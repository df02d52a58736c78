package io.jdirectord.daemon;

import io.jdirectord.os.ProcessSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The daemon as the background child of {@code jdirectord CONFIG start}: it runs in a session of its own
 * and tells its starter, on standard output, {@link #readyLine} once the first round of checks is in the
 * table; then its standard streams go to /dev/null, which ends the starter's wait. Everything it writes
 * before (warnings, the reason it could not start) reaches the starter.
 */
public final class Detached {

    private Detached() {}

    /** The line the child prints when ready, and the starter waits for. */
    public static String readyLine(Path configFile, long pid) {
        return "jdirectord for " + configFile + " started with pid " + pid;
    }

    /** Runs the daemon until stopped; returns its exit status (see {@link Daemon#run}). */
    public static int run(DaemonOptions options, PrintWriter out, PrintWriter err) {
        try {
            ProcessSession.leaveTerminal();
        } catch (IllegalStateException e) {
            err.println("jdirectord: warning: cannot leave the terminal's session: " + e.getMessage());
        }
        AtomicBoolean told = new AtomicBoolean();
        return Daemon.run(options, err, () -> {
            if (told.compareAndSet(false, true)) {
                out.println(
                        readyLine(options.configFile(), ProcessHandle.current().pid()));
                out.flush();
                err.flush();
                detach(err);
            }
        });
    }

    private static void detach(PrintWriter err) {
        try {
            ProcessSession.detachStandardStreams();
        } catch (IllegalStateException e) {
            err.println("jdirectord: cannot detach from the starter: " + e.getMessage());
            err.flush();
        }
    }
}
