package io.jdirectord.config;

import java.util.Optional;

/** The {@code netmask} directive: a dotted IPv4 mask in virtual blocks, a prefix length 1-128 in virtual6 blocks. */
final class Netmasks {

    private Netmasks() {
    }

    /** The mask as an unsigned 32-bit value in an int (IPv4) or the prefix length (IPv6). */
    static Optional<Integer> parse(Values v, Directive d, Family family) {
        if (family == Family.INET6) {
            return v.wholeNumber(d, 1, 128);
        }
        return IpLiterals.ipv4(d.value())
                .map(mask -> (int) IpLiterals.toLong(mask))
                .or(() -> v.fail(d, "netmask must be a dotted IPv4 mask such as 255.255.255.0, not "
                        + Texts.quote(d.value())));
    }

    /** The text form of an IPv4 mask value. */
    static String ipv4Text(int mask) {
        return IpLiterals.fromLong(Integer.toUnsignedLong(mask)).getHostAddress();
    }
}
