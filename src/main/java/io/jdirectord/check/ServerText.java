package io.jdirectord.check;

/** Makes text a server sent safe and short enough to put in a result's reason or a log line. */
final class ServerText {

    /** The longest excerpt, in characters, before an ellipsis. */
    static final int MAX_CHARS = 120;

    private ServerText() {
    }

    /**
     * The first non-empty line of {@code text}, with control and non-ASCII characters shown as '?', cut
     * to {@link #MAX_CHARS} characters.
     */
    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String line = firstLine(text);
        StringBuilder out = new StringBuilder(Math.min(line.length(), MAX_CHARS + 1));
        for (int i = 0; i < line.length() && out.length() < MAX_CHARS; i++) {
            char c = line.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (line.length() > MAX_CHARS) {
            out.append('…');
        }
        return out.toString().strip();
    }

    private static String firstLine(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = nextLineEnd(text, start);
            if (!text.substring(start, end).isBlank()) {
                return text.substring(start, end);
            }
            start = end + 1;
        }
        return "";
    }

    private static int nextLineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }
}
