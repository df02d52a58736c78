package io.jdirectord.check;

import io.jdirectord.net.AddressText;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * ICMP and ICMPv6 echo messages on byte arrays: building a request and recognising what comes back
 * (RFC 792, RFC 4443). A request is 8 header bytes and 56 data bytes; the data starts with the probe's
 * cookie so that replies to other pingers on the host are not taken for ours.
 */
final class IcmpEcho {

    static final int DATA_LENGTH = 56;
    static final int COOKIE_LENGTH = 8;

    private static final int V4_ECHO_REQUEST = 8;
    private static final int V4_ECHO_REPLY = 0;
    private static final int V4_UNREACHABLE = 3;
    private static final int V4_TIME_EXCEEDED = 11;
    private static final int V6_ECHO_REQUEST = 128;
    private static final int V6_ECHO_REPLY = 129;
    private static final int V6_UNREACHABLE = 1;
    private static final int V6_TIME_EXCEEDED = 3;

    private IcmpEcho() {}

    /**
     * An echo request with the IPv4 checksum filled in (for ICMPv6 the kernel computes it, pseudo-header
     * included, and ignores what is there).
     *
     * @param cookie {@link #COOKIE_LENGTH} bytes identifying the probe
     */
    static byte[] request(boolean ipv6, int identifier, int sequence, byte[] cookie) {
        byte[] message = new byte[8 + DATA_LENGTH];
        message[0] = (byte) (ipv6 ? V6_ECHO_REQUEST : V4_ECHO_REQUEST);
        putShort(message, 4, identifier);
        putShort(message, 6, sequence);
        System.arraycopy(cookie, 0, message, 8, COOKIE_LENGTH);
        for (int i = 8 + COOKIE_LENGTH; i < message.length; i++) {
            message[i] = (byte) i;
        }
        if (!ipv6) {
            putShort(message, 2, checksum(message, 0, message.length));
        }
        return message;
    }

    /** The Internet checksum (RFC 1071) of {@code length} bytes from {@code offset}; checksum field zeroed. */
    static int checksum(byte[] bytes, int offset, int length) {
        long sum = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += ((bytes[offset + i] & 0xff) << 8) | (bytes[offset + i + 1] & 0xff);
        }
        if (length % 2 == 1) {
            sum += (bytes[offset + length - 1] & 0xff) << 8;
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /**
     * What one probe waits for.
     *
     * @param target     the address pinged
     * @param identifier the echo identifier, or -1 when the kernel chose it (ping sockets, whose replies the
     *                   kernel has already matched by identifier)
     * @param sequence   the sequence number of the outstanding request
     * @param cookie     the data prefix of the outstanding request
     */
    @SuppressWarnings("ArrayRecordComponent") // never compared: equals is not used
    record Expectation(InetAddress target, int identifier, int sequence, byte[] cookie) {
        boolean ipv6() {
            return target instanceof Inet6Address;
        }
    }

    /** What a received message means for the probe. */
    sealed interface Meaning {}

    /** The echo reply the probe waits for. */
    record Reply() implements Meaning {}

    /** An ICMP error about the probe's request: destination unreachable or time exceeded. */
    record Failure(String reason) implements Meaning {}

    /** Anything else: another pinger's reply, an error about other traffic, a truncated packet. */
    record Unrelated() implements Meaning {}

    /**
     * Interprets a packet.
     *
     * @param packet     the bytes read
     * @param withHeader whether they start with an IPv4 header (raw IPv4 sockets)
     * @param source     who sent the packet
     */
    static Meaning interpret(byte[] packet, boolean withHeader, InetAddress source, Expectation expected) {
        int start = withHeader ? ipv4HeaderLength(packet) : 0;
        if (start < 0 || packet.length < start + 8) {
            return new Unrelated();
        }
        int type = packet[start] & 0xff;
        int code = packet[start + 1] & 0xff;
        if (type == (expected.ipv6() ? V6_ECHO_REPLY : V4_ECHO_REPLY)) {
            return isOurReply(packet, start, code, source, expected) ? new Reply() : new Unrelated();
        }
        String error = errorName(type, expected.ipv6());
        if (error != null && quotesOurRequest(packet, start + 8, expected)) {
            return new Failure(error + " (code " + code + ") from " + AddressText.of(source));
        }
        return new Unrelated();
    }

    /**
     * Interprets an error a ping socket queued: {@code request} is the echo request it concerns.
     */
    static Meaning interpretQueued(byte[] request, int type, int code, InetAddress reporter, Expectation expected) {
        String error = errorName(type, expected.ipv6());
        if (error == null || request.length < 8 || short16(request, 6) != expected.sequence()) {
            return new Unrelated();
        }
        return new Failure(error + " (code " + code + ") from " + AddressText.of(reporter));
    }

    private static boolean isOurReply(byte[] packet, int start, int code, InetAddress source, Expectation expected) {
        return code == 0
                && (expected.identifier() < 0 || short16(packet, start + 4) == expected.identifier())
                && short16(packet, start + 6) == expected.sequence()
                && source.equals(expected.target())
                && packet.length >= start + 8 + COOKIE_LENGTH
                && Arrays.equals(packet, start + 8, start + 8 + COOKIE_LENGTH, expected.cookie(), 0, COOKIE_LENGTH);
    }

    /** Whether the IP header and echo header quoted in an ICMP error are those of our request. */
    private static boolean quotesOurRequest(byte[] packet, int quoted, Expectation expected) {
        int echo;
        byte[] destination;
        if (expected.ipv6()) {
            if (packet.length < quoted + 40 + 8 || (packet[quoted + 6] & 0xff) != 58) {
                return false;
            }
            destination = Arrays.copyOfRange(packet, quoted + 24, quoted + 40);
            echo = quoted + 40;
        } else {
            int headerLength = packet.length > quoted ? (packet[quoted] & 0x0f) * 4 : 0;
            if (headerLength < 20 || packet.length < quoted + headerLength + 8 || (packet[quoted + 9] & 0xff) != 1) {
                return false;
            }
            destination = Arrays.copyOfRange(packet, quoted + 16, quoted + 20);
            echo = quoted + headerLength;
        }
        return (packet[echo] & 0xff) == (expected.ipv6() ? V6_ECHO_REQUEST : V4_ECHO_REQUEST)
                && (expected.identifier() < 0 || short16(packet, echo + 4) == expected.identifier())
                && short16(packet, echo + 6) == expected.sequence()
                && sameAddress(destination, expected.target());
    }

    private static String errorName(int type, boolean ipv6) {
        if (type == (ipv6 ? V6_UNREACHABLE : V4_UNREACHABLE)) {
            return "destination unreachable";
        }
        if (type == (ipv6 ? V6_TIME_EXCEEDED : V4_TIME_EXCEEDED)) {
            return "time exceeded";
        }
        return null;
    }

    /** The IPv4 header length of a raw socket's packet; -1 when it is not an ICMP-over-IPv4 packet. */
    private static int ipv4HeaderLength(byte[] packet) {
        if (packet.length < 20 || (packet[0] & 0xf0) != 0x40 || (packet[9] & 0xff) != 1) {
            return -1;
        }
        return (packet[0] & 0x0f) * 4;
    }

    private static boolean sameAddress(byte[] bytes, InetAddress address) {
        try {
            return InetAddress.getByAddress(bytes).equals(address);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static int short16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
    }

    private static void putShort(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >> 8);
        bytes[offset + 1] = (byte) value;
    }
}
