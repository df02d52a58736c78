package io.jdirectord.config;

import java.util.Optional;

/** The {@code netmask} directive: a dotted IPv4 mask in virtual blocks, a prefix length 1-128 in virtual6 blocks. */
final class Netmasks {

    private Netmasks() {}

    /** The mask as an unsigned 32-bit value in an int (IPv4) or the prefix length (IPv6). */
    static Optional<Integer> parse(Values v, Directive d, Family family) {
        if (family == Family.INET6) {
            return v.wholeNumber(d, 1, 128);
        }
        Optional<Integer> mask = IpLiterals.ipv4(d.value())
                .map(address -> (int) IpLiterals.toLong(address))
                .or(() -> v.fail(
                        d, "netmask must be a dotted IPv4 mask such as 255.255.255.0, not " + Texts.quote(d.value())));
        if (mask.isPresent() && !contiguous(mask.get())) {
            return v.fail(
                    d,
                    "netmask " + d.value() + " is not contiguous (ones, then zeros, such as 255.255.255.0):"
                            + " IPVS would group clients by scattered bits");
        }
        return mask;
    }

    /** Whether the mask's one bits all precede its zero bits. */
    static boolean contiguous(int mask) {
        int hostBits = ~mask;
        return (hostBits & (hostBits + 1)) == 0;
    }

    /** The text form of an IPv4 mask value. */
    static String ipv4Text(int mask) {
        return IpLiterals.fromLong(Integer.toUnsignedLong(mask)).getHostAddress();
    }
}
