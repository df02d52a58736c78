package io.jdirectord.config;

/**
 * Finds where a trailing comment starts in a line. A {@code #} between a pair of double quotes is part of a
 * value; a quote that is never closed protects nothing.
 */
final class CommentScanner {

    /** What the scan found in one line. */
    record Result(int commentStart, boolean hashInQuotes) {
        boolean hasComment() {
            return commentStart >= 0;
        }
    }

    private CommentScanner() {}

    /**
     * @param afterBlankOnly only a {@code #} preceded by a space or tab starts a comment (global lines);
     *                       otherwise any unquoted {@code #} does (virtual blocks, as ldirectord)
     */
    static Result scan(String text, boolean afterBlankOnly) {
        boolean hashInQuotes = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                if (close > 0) {
                    hashInQuotes |= text.substring(i, close).indexOf('#') >= 0;
                    i = close + 1;
                    continue;
                }
            } else if (c == '#' && (!afterBlankOnly || i > 0 && isBlank(text.charAt(i - 1)))) {
                return new Result(i, hashInQuotes);
            }
            i++;
        }
        return new Result(-1, hashInQuotes);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
