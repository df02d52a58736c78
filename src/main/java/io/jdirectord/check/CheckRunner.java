package io.jdirectord.check;

import java.time.Duration;

/**
 * Runs a check under its deadline and measures it. Whatever the check does, the runner returns a result:
 * an exception becomes a down result whose reason names it. An out-of-memory error is not a verdict on
 * the real server: it is not caught, and ends the process (see the daemon's fatal-error handling). Runs
 * on the caller's thread.
 */
public final class CheckRunner {

    /** Runs {@code check} once with a deadline of {@link Check#timeout()} from now. */
    public CheckResult run(Check check) {
        long start = System.nanoTime();
        Deadline deadline = new Deadline(start + check.timeout().toNanos());
        CheckResult result;
        try {
            result = check.run(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = CheckResult.down("interrupted");
        } catch (Exception | StackOverflowError e) {
            result = CheckResult.down(describe(e));
        }
        return result.withElapsed(Duration.ofNanos(System.nanoTime() - start));
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
