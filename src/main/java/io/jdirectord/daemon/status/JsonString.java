package io.jdirectord.daemon.status;

/** JSON string literals (RFC 8259): the one escaper for the status JSON and the failure log's quoted values. */
public final class JsonString {

    private JsonString() {}

    /**
     * {@code text} in double quotes, with {@code "} and {@code \} escaped by a backslash, newline, return
     * and tab as {@code \n}, {@code \r}, {@code \t}, and other control characters as {@code \}{@code uNNNN}.
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
