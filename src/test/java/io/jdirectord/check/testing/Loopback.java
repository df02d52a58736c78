package io.jdirectord.check.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.List;

/** The loopback addresses the check tests run against, and a port where nothing listens. */
public final class Loopback {

    public static final InetAddress V4 = address("127.0.0.1");
    public static final InetAddress V6 = address("::1");

    private Loopback() {}

    /** The address as written in a configuration: {@code 127.0.0.1}, {@code ::1}. */
    public static String text(InetAddress address) {
        return address.equals(V6) ? "::1" : address.getHostAddress();
    }

    /** As {@link #text}, IPv6 in brackets. */
    public static String bracketed(InetAddress address) {
        return address.equals(V6) ? "[::1]" : address.getHostAddress();
    }

    /** Both families, for parameterized tests. */
    public static List<InetAddress> both() {
        return List.of(V4, V6);
    }

    /** A port that was free a moment ago on {@code address}: connecting to it is refused. */
    public static int closedPort(InetAddress address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        }
    }

    /** A UDP port that was free a moment ago on {@code address}: datagrams to it get port unreachable. */
    public static int closedUdpPort(InetAddress address) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0))) {
            return socket.getLocalPort();
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
