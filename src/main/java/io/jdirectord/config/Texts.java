package io.jdirectord.config;

/** Renders configuration text inside messages: quoted, shortened, control characters made visible. */
final class Texts {

    /** Longest text quoted in full; longer text is cut and marked with "...". */
    static final int MAX_QUOTED = 80;

    private Texts() {}

    /** The text in double quotes, at most {@link #MAX_QUOTED} characters of it, non-printables as {@code \xNN}. */
    static String quote(String text) {
        return '"' + cut(text) + '"';
    }

    /** At most {@link #MAX_QUOTED} characters of the text, non-printables as {@code \xNN}. */
    static String cut(String text) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(text.length(), MAX_QUOTED);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > limit) {
            out.append("...");
        }
        return out.toString();
    }
}
