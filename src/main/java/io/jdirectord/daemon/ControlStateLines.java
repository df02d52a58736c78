package io.jdirectord.daemon;

import io.jdirectord.config.Endpoint;
import io.jdirectord.config.Family;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.decision.RealSteer.Admin;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.engine.ControlCommand;
import io.jdirectord.engine.ControlTarget;
import io.jdirectord.engine.RealControl;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of the state file of runtime controls, one per controlled real server of a virtual service,
 * seven fields separated by blanks, {@code -} for none:
 *
 * <pre>
 * VIRTUAL            REAL         ADMIN     WEIGHT  DRAIN-DEADLINE        SINCE                 BY
 * tcp:192.0.2.10:80  10.0.0.1:80  draining  5       2026-12-04T08:05:00Z  2026-12-04T08:04:00Z  user root (group root)
 * </pre>
 *
 * VIRTUAL is the virtual id ({@code tcp:192.0.2.10:80}, {@code udp:[2001:db8::10]:53}, {@code fwm:7},
 * {@code fwm6:7}), REAL the real server with its port ({@code [2001:db8::1]:80}; {@code :0} for none, on a
 * firewall-mark service), ADMIN one of
 * {@code enabled disabled draining drained}, WEIGHT the override (0..65535), DRAIN-DEADLINE an instant
 * in UTC (draining only), SINCE the instant it was last set, BY the rest of the line: who set it. Blank
 * lines and lines starting with {@code #} say nothing.
 */
final class ControlStateLines {

    /** The first lines of every file written. */
    static final String HEADER = """
            # jdirectord: runtime controls (disable, enable, drain, weight), rewritten on every change; see jdirectord(8)
            # virtual real admin weight drain-deadline since by
            """;

    private static final String NONE = "-";
    private static final Pattern MARK = Pattern.compile("(fwm6?):(\\d{1,10})");
    private static final Pattern ADDRESS = Pattern.compile("(tcp|udp):(.+)");
    private static final Pattern NO_PORT = Pattern.compile("(\\[[^\\]]+\\]|[^:\\[\\]]+):0");

    private ControlStateLines() {}

    /** One control as its line, without the newline. */
    static String format(RealRef ref, RealControl control) {
        return String.join(
                " ",
                ref.virtual().id(),
                ref.real().toString(),
                control.admin().name().toLowerCase(Locale.ROOT),
                control.weight().isPresent() ? Integer.toString(control.weight().getAsInt()) : NONE,
                control.deadline().map(Instant::toString).orElse(NONE),
                control.since().toString(),
                control.by().isBlank() ? NONE : control.by());
    }

    /** The whole file: the header, then one line per control in the map's order. */
    static String format(Map<RealRef, RealControl> controls) {
        StringBuilder text = new StringBuilder(HEADER);
        controls.forEach((ref, control) -> text.append(format(ref, control)).append('\n'));
        return text.toString();
    }

    /** Whether the line says nothing: blank or a comment. */
    static boolean silent(String line) {
        String content = line.strip();
        return content.isEmpty() || content.startsWith("#");
    }

    /**
     * Reads one line that is not {@link #silent}.
     *
     * @throws IllegalArgumentException saying what is wrong with it, for the operator
     */
    static Map.Entry<RealRef, RealControl> parse(String line) {
        String[] fields = line.strip().split("\\s+", 7);
        if (fields.length < 7) {
            throw new IllegalArgumentException("expected 7 fields (virtual real admin weight drain-deadline since by),"
                    + " found " + fields.length);
        }
        RealRef ref = new RealRef(virtual(fields[0]), real(fields[1], "real server"));
        Admin admin = admin(fields[2]);
        Optional<Instant> deadline = optional(fields[4]).map(text -> instant(text, "drain deadline"));
        if (deadline.isPresent() && admin != Admin.DRAINING) {
            throw new IllegalArgumentException("a drain deadline goes with draining only, not " + fields[2]);
        }
        RealControl control =
                new RealControl(admin, weight(fields[3]), deadline, fields[6], instant(fields[5], "since"));
        return Map.entry(ref, control);
    }

    private static VirtualServiceKey virtual(String text) {
        Matcher mark = MARK.matcher(text);
        if (mark.matches()) {
            long number = Long.parseLong(mark.group(2));
            if (number < 1 || number > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("invalid firewall mark in \"" + text + "\"");
            }
            return VirtualServiceKey.ofMark(mark.group(1).equals("fwm6") ? Family.INET6 : Family.INET, (int) number);
        }
        Matcher address = ADDRESS.matcher(text);
        if (!address.matches()) {
            throw new IllegalArgumentException(
                    "not a virtual id: \"" + text + "\" (tcp:ADDRESS:PORT, udp:ADDRESS:PORT, fwm:MARK or fwm6:MARK)");
        }
        Endpoint endpoint = real(address.group(2), "virtual service");
        if (endpoint.port() == 0) {
            throw new IllegalArgumentException("the virtual service needs its port: \"" + text + "\"");
        }
        Protocol protocol = Protocol.valueOf(address.group(1).toUpperCase(Locale.ROOT));
        return VirtualServiceKey.ofAddress(protocol, endpoint.address(), endpoint.port());
    }

    private static Endpoint real(String text, String what) {
        Matcher portless = NO_PORT.matcher(text);
        if (portless.matches()) { // a real server of a firewall-mark service that keeps each connection's port
            return new Endpoint(
                    ControlTarget.parse(Optional.empty(), portless.group(1)).address(), 0);
        }
        ControlTarget target = ControlTarget.parse(Optional.empty(), text);
        if (target.port().isEmpty()) {
            throw new IllegalArgumentException("the " + what + " needs its port: \"" + text + "\"");
        }
        return new Endpoint(target.address(), target.port().getAsInt());
    }

    private static Admin admin(String text) {
        for (Admin admin : Admin.values()) {
            if (admin.name().toLowerCase(Locale.ROOT).equals(text)) {
                return admin;
            }
        }
        throw new IllegalArgumentException(
                "admin must be enabled, disabled, draining or drained, not \"" + text + "\"");
    }

    private static OptionalInt weight(String text) {
        if (text.equals(NONE)) {
            return OptionalInt.empty();
        }
        boolean digits = text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || Integer.parseInt(text) > ControlCommand.MAX_WEIGHT) {
            throw new IllegalArgumentException("weight must be - or a whole number from 0 to "
                    + ControlCommand.MAX_WEIGHT + ", not \"" + text + "\"");
        }
        return OptionalInt.of(Integer.parseInt(text));
    }

    private static Optional<String> optional(String text) {
        return text.equals(NONE) ? Optional.empty() : Optional.of(text);
    }

    private static Instant instant(String text, String what) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    what + " must be an instant in UTC such as 2026-12-04T08:05:00Z, not \"" + text + "\"", e);
        }
    }
}
