package io.jdirectord.net;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses as operators and ipvsadm write them: IPv4 dotted, IPv6 in the RFC 5952 canonical form
 * (lower case, longest run of two or more zero groups as "::", leading zeros dropped), no scope.
 */
public final class AddressText {

    private AddressText() {}

    /** {@code 192.0.2.1}, {@code 2001:db8::1}. */
    public static String of(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int[] run = longestZeroRun(groups);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == run[0] && run[1] >= 2) {
                text.append("::");
                i += run[1] - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** {@code 192.0.2.1:80}, {@code [2001:db8::1]:80}. */
    public static String withPort(InetAddress address, int port) {
        return bracketed(address) + ":" + port;
    }

    /** IPv6 in brackets, IPv4 as is. */
    public static String bracketed(InetAddress address) {
        return address instanceof Inet6Address ? "[" + of(address) + "]" : of(address);
    }

    /** {start, length} of the first longest run of zero groups; length 0 when none. */
    private static int[] longestZeroRun(int[] groups) {
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        return new int[] {bestStart, bestLength};
    }
}
