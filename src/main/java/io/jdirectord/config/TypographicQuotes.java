package io.jdirectord.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Typographic quotes where a plain {@code "} belongs ({@code receive=“Test"}, common in text pasted from web
 * pages). Neither ldirectord nor jdirectord takes them as quotes, so they become part of the value: a request,
 * pattern, credential or path that can never work as meant. A typographic quote counts when it stands outside
 * plain quotes at the edge of a word (after a blank, {@code =} or {@code ,}, or before a blank, {@code ,} or
 * the end), so {@code receive="He said “hi”"} and {@code comment=it’s} stay valid.
 */
final class TypographicQuotes {

    /** Directives whose value is, or may be, written in double quotes; real lines carry quoted request/receive. */
    private static final Set<String> QUOTABLE = Set.of(
            "request",
            "receive",
            "login",
            "passwd",
            "database",
            "secret",
            "load",
            "callback",
            "logfile",
            "checkcommand",
            "fallbackcommand",
            "monitorfile",
            "virtualhost",
            "emailalert",
            "cacert",
            "sshkey",
            "real",
            "real6");
    /** Quotation marks that are not {@code "}; more are found by their Unicode category. */
    private static final String MARKS = "“”„‟‘’‚‛«»‹›〝〞〟＂＇″";

    private TypographicQuotes() {}

    /** Reports the first typographic quote of a quotable directive as an error; true when there was one. */
    static boolean reject(Directive d, Diagnostics diagnostics) {
        if (!QUOTABLE.contains(d.name())) {
            return false;
        }
        Optional<String> found = find(d.value());
        found.ifPresent(quote -> diagnostics.error(
                d.line(),
                "typographic quote " + quote + " in the value of " + d.name()
                        + ": it is read as part of the value, not as a quote; write a plain ASCII quote (\")"));
        return found.isPresent();
    }

    /** The first typographic quote at a word edge outside plain quotes, as {@code “ (U+201C ...)}. */
    static Optional<String> find(String value) {
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted && value.indexOf('"', i + 1) > 0;
            } else if (!quoted && isTypographic(c) && atWordEdge(value, i)) {
                return Optional.of(
                        c + " (" + String.format(Locale.ROOT, "U+%04X", (int) c) + " " + Character.getName(c) + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean isTypographic(char c) {
        int type = Character.getType(c);
        return MARKS.indexOf(c) >= 0
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION;
    }

    private static boolean atWordEdge(String value, int i) {
        boolean start = i == 0 || " \t=,\"".indexOf(value.charAt(i - 1)) >= 0;
        boolean end = i == value.length() - 1 || " \t,\"".indexOf(value.charAt(i + 1)) >= 0;
        return start || end;
    }
}
