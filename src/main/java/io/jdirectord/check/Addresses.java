package io.jdirectord.check;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Addresses as operators write them: IPv4 dotted, IPv6 in the compressed form of RFC 5952 ({@code ::1}). */
final class Addresses {

    private Addresses() {
    }

    /** The address without brackets: {@code 192.0.2.1}, {@code 2001:db8::1}. */
    static String text(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int[] run = longestZeroRun(groups);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == run[0]) {
                out.append("::");
                i += run[1] - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** As {@link #text}, IPv6 in brackets: {@code [2001:db8::1]}. */
    static String bracketed(InetAddress address) {
        return address instanceof Inet6Address ? "[" + text(address) + "]" : text(address);
    }

    /** Start and length of the first longest run of at least two zero groups; start -1 when none. */
    private static int[] longestZeroRun(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += length;
        }
        return new int[] {bestStart, bestLength};
    }
}
