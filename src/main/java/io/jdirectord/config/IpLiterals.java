package io.jdirectord.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Strict numeric address parsing, without any name lookup: dotted-quad IPv4 (each part 0-255, no short
 * forms such as {@code 10.1}) and RFC 4291 IPv6 text without zone or embedded IPv4.
 */
final class IpLiterals {

    private IpLiterals() {}

    /** Whether the text is made of digits and dots only, i.e. can only be meant as an IPv4 address. */
    static boolean looksNumeric(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }

    static Optional<Inet4Address> ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !looksNumeric(parts[i])) {
                return Optional.empty();
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of((Inet4Address) byAddress(bytes));
    }

    static Optional<Inet6Address> ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        if (headGroups == null || tailGroups == null) {
            return Optional.empty();
        }
        int total = headGroups.length + tailGroups.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        put(bytes, 0, headGroups);
        put(bytes, 8 - tailGroups.length, tailGroups);
        try {
            return Optional.of(Inet6Address.getByAddress(null, bytes, -1));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The 16-bit groups of a colon-separated run; null when malformed. */
    private static int[] groups(String run) {
        if (run.isEmpty()) {
            return new int[0];
        }
        String[] parts = run.split(":", -1);
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 4 || !parts[i].matches("[0-9A-Fa-f]+")) {
                return null;
            }
            values[i] = Integer.parseInt(parts[i], 16);
        }
        return values;
    }

    private static void put(byte[] bytes, int group, int[] values) {
        for (int i = 0; i < values.length; i++) {
            bytes[2 * (group + i)] = (byte) (values[i] >> 8);
            bytes[2 * (group + i) + 1] = (byte) values[i];
        }
    }

    /** The address as an unsigned 32-bit number. */
    static long toLong(Inet4Address address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xffL) << 24 | (b[1] & 0xffL) << 16 | (b[2] & 0xffL) << 8 | b[3] & 0xffL;
    }

    static Inet4Address fromLong(long value) {
        return (Inet4Address)
                byAddress(new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value});
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
