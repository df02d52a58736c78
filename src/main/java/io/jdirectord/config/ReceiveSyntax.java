package io.jdirectord.config;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What kind of regular expression a {@code receive} is. Most receives are searched by a linear-time matcher
 * (RE2/J), whose time grows only with the length of the reply. A receive that needs backtracking
 * (back-references such as {@code \1}, lookaround such as {@code (?=...)}, possessive or atomic groups) or
 * that uses {@code $} (which matches before a final newline in Perl and java.util.regex, not in RE2) is
 * searched by java.util.regex, whose time can grow exponentially with the reply, up to the probe's deadline.
 */
public final class ReceiveSyntax {

    private ReceiveSyntax() {}

    /** Why {@code receive} is not a valid regular expression; empty when it is one (or is empty). */
    public static Optional<String> error(String receive) {
        try {
            Pattern.compile(receive);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(
                    "receive " + Texts.quote(receive) + " is not a valid regular expression: " + e.getDescription());
        }
    }

    /** Whether the linear-time matcher searches this (valid) receive the way java.util.regex would. */
    public static boolean linear(String receive) {
        if (receive.indexOf('$') >= 0) {
            return false;
        }
        try {
            com.google.re2j.Pattern.compile(receive);
            return true;
        } catch (com.google.re2j.PatternSyntaxException e) {
            return false;
        }
    }
}
