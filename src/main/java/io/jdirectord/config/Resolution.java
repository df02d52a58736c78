package io.jdirectord.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns host and port text into addresses and port numbers at load time, reporting what cannot be
 * resolved. Literals are never looked up; names go to the {@link NameResolver}.
 */
final class Resolution {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern PORT_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final NameResolver resolver;
    private final Diagnostics diagnostics;

    Resolution(NameResolver resolver, Diagnostics diagnostics) {
        this.resolver = resolver;
        this.diagnostics = diagnostics;
    }

    NameResolver resolver() {
        return resolver;
    }

    /**
     * @param keyword the directive, for family hints ("real", "virtual", "fallback")
     * @param role    what the address is for, e.g. "real server"
     */
    Optional<InetAddress> address(int line, HostPort host, Family family, String keyword, String role) {
        String shown = host.written();
        if (host.bracketed() || host.host().contains(":")) {
            if (family == Family.INET) {
                return diagnostics.reject(
                        line,
                        "IPv6 address " + Texts.quote(shown) + " in " + keyword + "=; use " + keyword + "6="
                                + (keyword.equals("virtual") ? "" : " (in a virtual6 block)"));
            }
            return IpLiterals.ipv6(host.host())
                    .map(a -> (InetAddress) a)
                    .or(() -> diagnostics.reject(line, "invalid IPv6 address " + Texts.quote(shown) + " for " + role));
        }
        if (IpLiterals.looksNumeric(host.host())) {
            if (family == Family.INET6) {
                return diagnostics.reject(
                        line,
                        "IPv4 address " + Texts.quote(shown) + " in " + keyword + "6=; use " + keyword + "="
                                + (keyword.equals("virtual") ? "" : " (in a virtual block)"));
            }
            return IpLiterals.ipv4(host.host())
                    .map(a -> (InetAddress) a)
                    .or(() -> diagnostics.reject(line, "invalid IPv4 address " + Texts.quote(shown) + " for " + role));
        }
        return hostName(line, host.host(), family, role);
    }

    private Optional<InetAddress> hostName(int line, String name, Family family, String role) {
        if (!HOST_NAME.matcher(name).matches()) {
            return diagnostics.reject(line, "invalid address " + Texts.quote(name) + " for " + role);
        }
        try {
            return Optional.of(resolver.resolveHost(name, family));
        } catch (UnknownHostException | RuntimeException e) {
            return diagnostics.reject(
                    line,
                    "cannot resolve " + Texts.quote(name) + " to an " + (family == Family.INET ? "IPv4" : "IPv6")
                            + " address for " + role);
        }
    }

    /**
     * A port number (1 to 65535) or a service name, looked up for the protocol, or any protocol when empty.
     */
    Optional<Integer> port(int line, String text, Optional<Protocol> protocol, String role) {
        if (DIGITS.matcher(text).matches()) {
            if (text.length() > 5 || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
                return diagnostics.reject(line, "invalid port " + Texts.quote(text) + " for " + role + " (1 to 65535)");
            }
            return Optional.of(Integer.parseInt(text));
        }
        if (!PORT_NAME.matcher(text).matches()) {
            return diagnostics.reject(line, "invalid port " + Texts.quote(text) + " for " + role);
        }
        var port = resolver.servicePort(text, protocol);
        if (port.isEmpty()) {
            return diagnostics.reject(
                    line,
                    "unknown service name " + Texts.quote(text) + " for the port of " + role
                            + protocol.map(p -> " (no " + p.ldName() + " service of that name)")
                                    .orElse(""));
        }
        return Optional.of(port.getAsInt());
    }
}
