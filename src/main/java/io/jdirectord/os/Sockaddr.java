package io.jdirectord.os;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * struct sockaddr_in (16 bytes) and sockaddr_in6 (28 bytes) as byte arrays: family and scope id in host
 * order, port and addresses in network order.
 */
final class Sockaddr {

    /** Large enough for either kind. */
    static final int MAX_LENGTH = 28;

    private Sockaddr() {}

    /** @param port the port, 0 for none (ICMP) */
    static byte[] encode(InetAddress address, int port) {
        boolean v6 = address instanceof Inet6Address;
        ByteBuffer buffer = ByteBuffer.allocate(v6 ? 28 : 16);
        buffer.order(ByteOrder.nativeOrder()).putShort((short) (v6 ? LibC.AF_INET6 : LibC.AF_INET));
        buffer.order(ByteOrder.BIG_ENDIAN).putShort((short) port);
        if (v6) {
            buffer.putInt(0).put(address.getAddress());
            buffer.order(ByteOrder.nativeOrder()).putInt(((Inet6Address) address).getScopeId());
        } else {
            buffer.put(address.getAddress());
        }
        return buffer.array();
    }

    /** The address family of an encoded sockaddr ({@link LibC#AF_INET} or {@link LibC#AF_INET6}). */
    static int family(byte[] sockaddr) {
        return ByteBuffer.wrap(sockaddr).order(ByteOrder.nativeOrder()).getShort(0);
    }

    /** The address in a sockaddr the kernel filled in. */
    static InetAddress decode(byte[] sockaddr, int length) throws UnknownHostException {
        ByteBuffer buffer = ByteBuffer.wrap(sockaddr, 0, length).order(ByteOrder.nativeOrder());
        int family = buffer.getShort(0) & 0xffff;
        if (family == LibC.AF_INET && length >= 8) {
            return Inet4Address.getByAddress(slice(sockaddr, 4, 4));
        }
        if (family == LibC.AF_INET6 && length >= 24) {
            return InetAddress.getByAddress(slice(sockaddr, 8, 16));
        }
        throw new UnknownHostException("address family " + family + " in a reply");
    }

    private static byte[] slice(byte[] bytes, int offset, int length) {
        byte[] part = new byte[length];
        System.arraycopy(bytes, offset, part, 0, length);
        return part;
    }
}
