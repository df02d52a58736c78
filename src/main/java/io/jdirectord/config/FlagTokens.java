package io.jdirectord.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits the text after a real server's address into words, double-quoted strings and commas. */
final class FlagTokens {

    /**
     * @param text   the word, or the content of a quoted string
     * @param quoted whether it was in double quotes
     * @param start  its offset in the split text
     */
    record Token(String text, boolean quoted, int start) {
        boolean isWord(String word) {
            return !quoted && text.equals(word);
        }
    }

    private FlagTokens() {}

    /** The tokens; empty when a quote is not closed. */
    static Optional<List<Token>> split(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    return Optional.empty();
                }
                tokens.add(new Token(text.substring(i + 1, close), true, i));
                i = close + 1;
            } else if (c == ',') {
                tokens.add(new Token(",", false, i));
                i++;
            } else {
                int end = i;
                while (end < text.length()
                        && !Character.isWhitespace(text.charAt(end))
                        && text.charAt(end) != '"'
                        && text.charAt(end) != ',') {
                    end++;
                }
                tokens.add(new Token(text.substring(i, end), false, i));
                i = end;
            }
        }
        return Optional.of(tokens);
    }
}
