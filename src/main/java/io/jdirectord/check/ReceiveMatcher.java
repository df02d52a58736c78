package io.jdirectord.check;

import java.util.Optional;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A receive regular expression, searched anywhere in the text (unanchored and case-sensitive, like
 * ldirectord's Perl {@code =~ /receive/}). The search gives up at the probe's deadline, so a pattern that
 * backtracks badly on what a server sent cannot hold the check longer than its timeout.
 */
final class ReceiveMatcher {

    private final Pattern pattern;

    private ReceiveMatcher(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * @return empty for an empty receive (no content check)
     * @throws IllegalArgumentException when {@code receive} is not a valid regular expression
     */
    static Optional<ReceiveMatcher> of(String receive) {
        if (receive.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReceiveMatcher(Pattern.compile(receive)));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("receive \"" + receive + "\" is not a valid regular expression: "
                    + e.getDescription(), e);
        }
    }

    /** How a search ended. */
    enum Outcome {
        FOUND, NOT_FOUND,
        /** the deadline passed before the search finished */
        DEADLINE,
        /** the pattern needed more recursion than the thread's stack allows on this text */
        TOO_DEEP
    }

    Outcome search(CharSequence text, Deadline deadline) {
        try {
            return pattern.matcher(new DeadlineText(text, deadline)).find() ? Outcome.FOUND : Outcome.NOT_FOUND;
        } catch (DeadlineText.Expired e) {
            return Outcome.DEADLINE;
        } catch (StackOverflowError e) {
            return Outcome.TOO_DEEP;
        }
    }

    /**
     * The verdict on {@code content} as a result: up when found, else down with a reason such as
     * "receive pattern 'OK' not found in 1.2 KiB".
     *
     * @param what     names the content for up reasons: "RETR /index.html"
     * @param size     describes the content: "1.2 KiB", "the first 64 KiB"
     * @param timeout  the check's whole timeout, named when the search passes the deadline
     */
    CheckResult judge(CharSequence content, String what, String size, Deadline deadline, Duration timeout) {
        return switch (search(content, deadline)) {
            case FOUND -> CheckResult.up(what + ": receive pattern '" + this + "' found in " + size);
            case NOT_FOUND -> CheckResult.down("receive pattern '" + this + "' not found in " + size);
            case DEADLINE -> CheckResult.down(ProbeFailure.timeout("receive pattern search", timeout));
            case TOO_DEEP -> CheckResult.down("receive pattern '" + this + "' recursed too deep in " + size);
        };
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

    /** Text that stops a regex engine reading it once the deadline has passed. */
    private static final class DeadlineText implements CharSequence {
        private static final int CHECK_EVERY = 4096;

        private final CharSequence text;
        private final Deadline deadline;
        private int reads;

        DeadlineText(CharSequence text, Deadline deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        private static final class Expired extends RuntimeException {
            Expired() {
                super(null, null, false, false);
            }
        }

        @Override
        public char charAt(int index) {
            if (++reads % CHECK_EVERY == 0 && deadline.expired()) {
                throw new Expired();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new DeadlineText(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
