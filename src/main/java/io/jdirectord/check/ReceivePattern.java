package io.jdirectord.check;

import io.jdirectord.config.ReceiveSyntax;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code receive} directive as a regular expression searched anywhere in the text (ldirectord's
 * unanchored, case-sensitive Perl match). An empty receive means "no content check". A receive the
 * linear-time matcher (RE2/J) can search the way java.util.regex would (see {@link ReceiveSyntax}) is
 * searched by it, in time proportional to the text; the others by java.util.regex. Every search gives up
 * at the probe's deadline, so a pattern that backtracks badly on what a server sent cannot hold the check
 * longer than its timeout.
 */
final class ReceivePattern {

    private final String source;
    private final Optional<Predicate<CharSequence>> pattern;

    private ReceivePattern(String source, Optional<Predicate<CharSequence>> pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /**
     * Compiled patterns by source, shared by every check with the same receive (10,000 real servers of one
     * service need one compiled pattern, not 10,000 with a matcher cache each). Weakly held: a pattern no
     * configuration uses any more is forgotten. The values hold a copy of their source, not the key itself,
     * so that they do not keep their own key alive.
     */
    private static final Map<String, ReceivePattern> COMPILED = Collections.synchronizedMap(new WeakHashMap<>());

    private static final ReceivePattern NONE = new ReceivePattern("", Optional.empty());

    /** @throws IllegalArgumentException when {@code receive} is not a valid regular expression */
    static ReceivePattern of(String receive) {
        if (receive.isEmpty()) {
            return NONE;
        }
        ReceivePattern known = COMPILED.get(receive);
        if (known != null) {
            return known;
        }
        ReceivePattern compiled = compile(new String(receive));
        COMPILED.put(receive, compiled);
        return compiled;
    }

    private static ReceivePattern compile(String receive) {
        if (receive.isEmpty()) {
            return new ReceivePattern(receive, Optional.empty());
        }
        try {
            Pattern backtracking = Pattern.compile(receive);
            if (ReceiveSyntax.linear(receive)) {
                com.google.re2j.Pattern linear = com.google.re2j.Pattern.compile(receive);
                return new ReceivePattern(
                        receive, Optional.of(text -> linear.matcher(text).find()));
            }
            return new ReceivePattern(
                    receive, Optional.of(text -> backtracking.matcher(text).find()));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "receive \"" + receive + "\" is not a valid regular expression: " + e.getDescription(), e);
        }
    }

    boolean isEmpty() {
        return pattern.isEmpty();
    }

    /** How a search ended. */
    enum Outcome {
        FOUND,
        NOT_FOUND,
        /** the deadline passed before the search finished */
        DEADLINE,
        /** the pattern needed more recursion than the thread's stack allows on this text */
        TOO_DEEP
    }

    /** Searches {@code text}; an empty receive is always {@link Outcome#FOUND}. */
    Outcome search(CharSequence text, Deadline deadline) {
        if (pattern.isEmpty()) {
            return Outcome.FOUND;
        }
        try {
            return pattern.get().test(new DeadlineText(text, deadline)) ? Outcome.FOUND : Outcome.NOT_FOUND;
        } catch (DeadlineText.Expired e) {
            return Outcome.DEADLINE;
        } catch (StackOverflowError e) {
            return Outcome.TOO_DEEP;
        }
    }

    /**
     * Whether the pattern occurs in {@code text}; always true for an empty receive.
     *
     * @throws ProbeException when the deadline passes during the search or the pattern overflows the stack
     */
    boolean foundIn(CharSequence text, Deadline deadline) throws ProbeException {
        return switch (search(text, deadline)) {
            case FOUND -> true;
            case NOT_FOUND -> false;
            case DEADLINE -> throw new ProbeException("deadline passed while searching for receive pattern " + this);
            case TOO_DEEP ->
                throw new ProbeException(
                        "receive pattern " + this + " is too complex for " + text.length() + " characters of reply");
        };
    }

    /**
     * The verdict on downloaded {@code content} as a result: up when found, else down with a reason such
     * as "receive pattern 'OK' not found in 1.2 KiB". These reasons quote the receive whole.
     *
     * @param what     names the content for up reasons: "RETR /index.html"
     * @param size     describes the content: "1.2 KiB", "the first 64 KiB"
     * @param timeout  the check's whole timeout, named when the search passes the deadline
     */
    CheckResult judge(CharSequence content, String what, String size, Deadline deadline, Duration timeout) {
        String quoted = "'" + source + "'";
        return switch (search(content, deadline)) {
            case FOUND -> CheckResult.up(what + ": receive pattern " + quoted + " found in " + size);
            case NOT_FOUND -> CheckResult.down("receive pattern " + quoted + " not found in " + size);
            case DEADLINE -> CheckResult.down(Reasons.timeoutIn("receive pattern search", timeout));
            case TOO_DEEP -> CheckResult.down("receive pattern " + quoted + " recursed too deep in " + size);
        };
    }

    /** The receive as written, quoted and shortened for a reason: 'OK'. */
    @Override
    public String toString() {
        return "'" + Reasons.excerpt(source) + "'";
    }
}
