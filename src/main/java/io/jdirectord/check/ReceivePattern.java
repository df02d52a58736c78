package io.jdirectord.check;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code receive} directive as a Java regular expression searched anywhere in the text (ldirectord's
 * unanchored, case-sensitive Perl match). An empty receive means "no content check".
 */
final class ReceivePattern {

    private final String source;
    private final Optional<Pattern> pattern;

    private ReceivePattern(String source, Optional<Pattern> pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException when {@code receive} is not a valid regular expression */
    static ReceivePattern of(String receive) {
        if (receive.isEmpty()) {
            return new ReceivePattern(receive, Optional.empty());
        }
        try {
            return new ReceivePattern(receive, Optional.of(Pattern.compile(receive)));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("receive \"" + receive + "\" is not a valid regular expression: "
                    + e.getDescription(), e);
        }
    }

    boolean isEmpty() {
        return pattern.isEmpty();
    }

    /**
     * Whether the pattern occurs in {@code text}; always true for an empty receive. The search itself is
     * bounded by the deadline, so a pattern that backtracks badly on what a server sent cannot hang.
     *
     * @throws ProbeException when the deadline passes during the search or the pattern overflows the stack
     */
    boolean foundIn(CharSequence text, Deadline deadline) throws ProbeException {
        if (pattern.isEmpty()) {
            return true;
        }
        try {
            return pattern.get().matcher(new DeadlineText(text, deadline)).find();
        } catch (DeadlineText.Expired e) {
            throw new ProbeException("deadline passed while searching for receive pattern " + this);
        } catch (StackOverflowError e) {
            throw new ProbeException("receive pattern " + this + " is too complex for " + text.length()
                    + " characters of reply");
        }
    }

    /** The receive as written, quoted and shortened for a reason: 'OK'. */
    @Override
    public String toString() {
        return "'" + Reasons.excerpt(source) + "'";
    }
}
