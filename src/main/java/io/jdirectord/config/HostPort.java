package io.jdirectord.config;

import java.util.Optional;

/**
 * {@code host[:port]} or {@code [ipv6][:port]} split into its parts, without validation of either part.
 *
 * @param host      host name or address; IPv6 without the brackets
 * @param port      the text after the separating colon
 * @param bracketed whether the host was written in brackets (IPv6)
 */
record HostPort(String host, Optional<String> port, boolean bracketed) {

    /** Splits the text; empty when brackets are unbalanced or followed by something other than {@code :port}. */
    static Optional<HostPort> split(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            String rest = text.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return Optional.empty();
            }
            Optional<String> port = rest.isEmpty() ? Optional.empty() : Optional.of(rest.substring(1));
            return Optional.of(new HostPort(text.substring(1, close), port, true));
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.of(new HostPort(text, Optional.empty(), false));
        }
        return Optional.of(new HostPort(text.substring(0, colon), Optional.of(text.substring(colon + 1)), false));
    }

    /** The host as written: IPv6 in brackets when it was bracketed. */
    String written() {
        return bracketed ? "[" + host + "]" : host;
    }

    /** A host without a port: {@code [ipv6]} or a name or IPv4 address. */
    static HostPort host(String text) {
        return text.startsWith("[") && text.endsWith("]")
                ? new HostPort(text.substring(1, text.length() - 1), Optional.empty(), true)
                : new HostPort(text, Optional.empty(), false);
    }
}
