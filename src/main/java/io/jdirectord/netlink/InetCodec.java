package io.jdirectord.netlink;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Addresses as union nf_inet_addr: 16 bytes, network order, IPv4 in the first 4. IPv6 addresses always
 * decode as {@link Inet6Address}, IPv4-mapped ones included, so the family stays the kernel's.
 */
final class InetCodec {

    static final int LENGTH = 16;

    private InetCodec() {}

    static int family(InetAddress address) {
        return address instanceof Inet6Address ? IpvsGenl.AF_INET6 : IpvsGenl.AF_INET;
    }

    static byte[] encode(InetAddress address) {
        return Arrays.copyOf(address.getAddress(), LENGTH);
    }

    static InetAddress decode(Attributes attributes, int type, int family) throws NetlinkException {
        try {
            if (family == IpvsGenl.AF_INET6) {
                return Inet6Address.getByAddress(null, attributes.bytes(type, 16), -1);
            }
            return InetAddress.getByAddress(attributes.bytes(type, 4));
        } catch (UnknownHostException e) {
            throw NetlinkException.malformed("address of family " + family + ": " + e.getMessage());
        }
    }
}
