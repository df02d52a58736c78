package io.jdirectord.config;

import java.util.Optional;

/**
 * The address part of a real line, {@code HOST[->HOST][:PORT]} or {@code [IPV6][:PORT]}, split but not resolved.
 *
 * @param first the host, or the first of a range (IPv6 in brackets)
 * @param last  the end of a range
 * @param port  the port text
 */
record RealAddress(String first, Optional<String> last, Optional<String> port) {

    /** Parses the text; reports and returns empty when malformed. */
    static Optional<RealAddress> parse(Directive d, String text, Values values) {
        if (text.startsWith("[")) {
            if (text.contains("->")) {
                return values.fail(d, "address ranges are not supported for IPv6: " + Texts.quote(text));
            }
            return HostPort.split(text)
                    .map(h -> new RealAddress(h.written(), Optional.empty(), h.port()))
                    .or(() -> values.fail(d, "invalid real server address " + Texts.quote(text)));
        }
        HostPort hostPort = HostPort.split(text).orElseThrow();
        Optional<String> port = hostPort.port().map(p -> doubleColon(d, text, hostPort.host(), p, values));
        String host = hostPort.host();
        int arrow = host.indexOf("->");
        if (arrow < 0) {
            return Optional.of(new RealAddress(host, Optional.empty(), port));
        }
        String first = host.substring(0, arrow);
        String last = host.substring(arrow + 2);
        if (first.isEmpty() || last.isEmpty()) {
            return values.fail(d, "invalid real server address range " + Texts.quote(text));
        }
        if (last.startsWith("[")) {
            return values.fail(d, "address ranges are not supported for IPv6: " + Texts.quote(text));
        }
        return Optional.of(new RealAddress(first, Optional.of(last), port));
    }

    /** {@code HOST::PORT} is read as {@code HOST:PORT}, with a warning that says what ldirectord makes of it. */
    private static String doubleColon(Directive d, String text, String host, String port, Values values) {
        if (!port.startsWith(":") || port.length() == 1 || port.indexOf(':', 1) >= 0) {
            return port;
        }
        String meant = port.substring(1);
        String ldirectord = meant.matches("\\d{1,10}") && Long.parseLong(meant) <= 0xffffffffL
                ? "the address " + IpLiterals.fromLong(Long.parseLong(meant)).getHostAddress() + " without a port"
                : "the host name " + Texts.quote(meant) + " without a port";
        values.diagnostics()
                .warn(
                        d.line(),
                        Texts.quote(text) + " read as " + Texts.cut(host + ":" + meant) + " (ldirectord reads it as "
                                + ldirectord + ")");
        return meant;
    }
}
