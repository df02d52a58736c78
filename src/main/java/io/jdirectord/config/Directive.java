package io.jdirectord.config;

import java.util.Optional;

/**
 * One {@code name = value} statement, or a bare {@code name}. Names are case-sensitive, as in ldirectord.
 *
 * @param line  1-based line number
 * @param name  the directive name
 * @param value the text after {@code =} with surrounding blanks removed; empty for a bare name
 * @param bare  true when the statement is a name without {@code =}
 * @param text  the whole statement, for messages
 */
record Directive(int line, String name, String value, boolean bare, String text) {

    /** The leading run of characters that can form a directive name. */
    static String nameOf(String text) {
        int end = 0;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    /** The directive of a statement; empty when the statement is not of the form {@code name [= value]}. */
    static Optional<Directive> parse(Statement statement) {
        String text = statement.text();
        String name = nameOf(text);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String rest = text.substring(name.length()).stripLeading();
        if (rest.isEmpty()) {
            return Optional.of(new Directive(statement.line(), name, "", true, text));
        }
        if (rest.charAt(0) != '=') {
            return Optional.empty();
        }
        return Optional.of(
                new Directive(statement.line(), name, rest.substring(1).strip(), false, text));
    }

    /** The statement in quotes, for "not understood" messages. */
    String quoted() {
        return Texts.quote(text);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
