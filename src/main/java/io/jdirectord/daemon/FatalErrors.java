package io.jdirectord.daemon;

import io.jdirectord.daemon.log.FailureLog;
import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * What happens when an error the JVM cannot recover from (out of memory, an internal error) escapes a
 * thread: one {@code fatal-error} line in the failure log and on standard error, then the process halts
 * with status {@link #STATUS}, leaving the table as it is, and systemd restarts it. Never a half state
 * where some threads (probes, the table keeper, the control loop) have died and the others go on.
 * The shipped JVM options add {@code -XX:+ExitOnOutOfMemoryError}, which ends the process with the
 * same status at the first out-of-memory error wherever it is thrown, even where it would be caught;
 * this handler covers a JVM started without it. Exceptions that are not errors are left to the JVM's
 * default handling.
 */
final class FatalErrors implements Thread.UncaughtExceptionHandler {

    /** The exit status, the one the JVM's ExitOnOutOfMemoryError uses. */
    static final int STATUS = 3;

    private final FailureLog log;
    private final PrintStream err;
    private final IntConsumer halt;

    FatalErrors(FailureLog log, PrintStream err, IntConsumer halt) {
        this.log = log;
        this.err = err;
        this.halt = halt;
    }

    /** Makes this the handler of every thread that has none of its own. */
    static void install(FailureLog log) {
        Thread.setDefaultUncaughtExceptionHandler(new FatalErrors(log, System.err, Runtime.getRuntime()::halt));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (!(error instanceof Error)) {
            err.print("Exception in thread \"" + thread.getName() + "\" ");
            error.printStackTrace(err);
            return;
        }
        String reason =
                error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        try {
            err.println("jdirectord: fatal error in thread \"" + thread.getName() + "\": " + reason + "; exiting");
            err.flush();
            log.event("fatal-error", "thread", thread.getName(), "error", reason, "status", STATUS);
        } catch (Throwable ignored) {
            // out of memory again while reporting it: halting matters more than the line
        } finally {
            halt.accept(STATUS);
        }
    }
}
