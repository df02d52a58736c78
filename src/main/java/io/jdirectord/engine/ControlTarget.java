package io.jdirectord.engine;

import io.jdirectord.config.Endpoint;
import io.jdirectord.config.VirtualServiceKey;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real servers an operator's command names: a real server ({@code ADDRESS} for every port, or
 * {@code ADDRESS:PORT}, IPv6 in brackets when a port follows) in one virtual service (its id as
 * {@code status} prints it, {@code tcp:192.0.2.10:80}, {@code fwm:7}, or ldirectord's form
 * {@code 192.0.2.10:80} for every protocol) or in every virtual service ({@code all}, or no virtual).
 * Addresses are literals only: a command never waits for a name server.
 *
 * @param virtual the virtual service as written, lower case; empty for every virtual service
 * @param address the real server's address
 * @param port    the real server's port; empty for every port
 */
public record ControlTarget(Optional<String> virtual, InetAddress address, OptionalInt port) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern WITH_PORT = Pattern.compile("(?:\\[([^\\]]+)\\]|([^:\\[\\]]+)):(\\d{1,5})");

    /**
     * Reads {@code [VIRTUAL] REAL}.
     *
     * @throws IllegalArgumentException saying what is wrong with the real server's text
     */
    public static ControlTarget parse(Optional<String> virtual, String real) {
        Optional<String> service = virtual.map(v -> v.toLowerCase(Locale.ROOT)).filter(v -> !v.equals("all"));
        Matcher withPort = WITH_PORT.matcher(real);
        if (withPort.matches()) {
            String host = withPort.group(1) != null ? withPort.group(1) : withPort.group(2);
            int port = Integer.parseInt(withPort.group(3));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("invalid port " + port + " in " + real + " (1 to 65535)");
            }
            return new ControlTarget(service, literal(host, real), OptionalInt.of(port));
        }
        String host = real.startsWith("[") && real.endsWith("]") ? real.substring(1, real.length() - 1) : real;
        return new ControlTarget(service, literal(host, real), OptionalInt.empty());
    }

    private static InetAddress literal(String host, String written) {
        if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            throw new IllegalArgumentException(
                    "not a real server: \"" + written + "\" (ADDRESS or ADDRESS:PORT, IPv6 as [ADDRESS]:PORT)");
        }
        try {
            return InetAddress.getByName(host); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: \"" + written + "\"", e);
        }
    }

    /** Whether the command names this virtual service. */
    public boolean matches(VirtualServiceKey key) {
        return virtual.map(v -> v.equals(key.id()) || v.equals(key.toString().toLowerCase(Locale.ROOT)))
                .orElse(true);
    }

    /** Whether the command names this real server. */
    public boolean matches(Endpoint real) {
        return real.address().equals(address) && (port.isEmpty() || port.getAsInt() == real.port());
    }

    /** The real server as the operator named it, in canonical form. */
    public String real() {
        Endpoint any = new Endpoint(address, port.orElse(0));
        return port.isPresent() ? any.toString() : any.host();
    }

    @Override
    public String toString() {
        return virtual.orElse("all") + " " + real();
    }
}
