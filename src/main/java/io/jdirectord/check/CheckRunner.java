package io.jdirectord.check;

import io.jdirectord.config.CheckSpec;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a check under its deadline and measures it. Whatever the check does, the runner returns a result:
 * an exception becomes a down result whose reason names it. An out-of-memory error is not a verdict on
 * the real server: it is not caught, and ends the process (see the daemon's fatal-error handling). Runs
 * on the caller's thread. Every result of a probe passes here, so this is where configured secrets are
 * removed from what servers said.
 */
public final class CheckRunner {

    /** What stands in a reason for a configured secret. */
    static final String REDACTED = "[redacted]";
    /** Secrets shorter than this are redacted only as whole words, so that "a" does not mangle every reason. */
    private static final int SHORT_SECRET = 4;

    /**
     * Runs {@code check} of {@code spec} once; its reason never holds the spec's passwd or secret (a server
     * that echoes the password it was sent must not put it into logs, the monitor file or the status).
     */
    public CheckResult run(Check check, CheckSpec spec) {
        return redacted(run(check), spec);
    }

    /**
     * Starts {@code check} of {@code spec} with a deadline of {@link Check#timeout()} from now and returns at
     * once; {@code done} receives the result as {@link #run(Check, CheckSpec)} would return it (measured,
     * secrets removed), on the probe loop's thread, or on the caller's when the check cannot start.
     */
    public void start(LoopCheck check, CheckSpec spec, Consumer<CheckResult> done) {
        long start = System.nanoTime();
        Deadline deadline = new Deadline(start + check.timeout().toNanos());
        Consumer<CheckResult> measured =
                result -> done.accept(redacted(result.withElapsed(Duration.ofNanos(System.nanoTime() - start)), spec));
        try {
            check.start(deadline, measured);
        } catch (RuntimeException e) {
            measured.accept(CheckResult.down(describe(e)));
        }
    }

    private static CheckResult redacted(CheckResult result, CheckSpec spec) {
        if (spec.passwd().isEmpty() && spec.secret().isEmpty()) {
            return result;
        }
        String reason = redact(result.reason(), List.of(spec.passwd(), spec.secret()));
        return new CheckResult(result.up(), reason, result.elapsed(), result.weight());
    }

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

    /** {@code text} with every occurrence of each non-empty secret replaced by {@link #REDACTED}. */
    static String redact(String text, List<String> secrets) {
        String redacted = text;
        for (String secret : secrets) {
            if (secret.isEmpty()) {
                continue;
            }
            String quoted = Pattern.quote(secret);
            String pattern =
                    secret.length() < SHORT_SECRET ? "(?<![\\p{Alnum}])" + quoted + "(?![\\p{Alnum}])" : quoted;
            redacted = Pattern.compile(pattern).matcher(redacted).replaceAll(Matcher.quoteReplacement(REDACTED));
        }
        return redacted;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
