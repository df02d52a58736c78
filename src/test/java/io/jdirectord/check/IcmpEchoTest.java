package io.jdirectord.check;

import static io.jdirectord.testing.EngineFixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IcmpEchoTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] COOKIE = HEX.parseHex("0102030405060708");
    private static final InetAddress TARGET_V4 = ip("192.0.2.7");
    private static final InetAddress ROUTER_V4 = ip("198.51.100.1");
    private static final InetAddress TARGET_V6 = ip("2001:db8::7");
    private static final InetAddress ROUTER_V6 = ip("2001:db8::1");
    private static final IcmpEcho.Expectation V4 = new IcmpEcho.Expectation(TARGET_V4, 0x1234, 3, COOKIE);
    private static final IcmpEcho.Expectation V6 = new IcmpEcho.Expectation(TARGET_V6, 0x1234, 3, COOKIE);

    /** A 20-byte IPv4 header for protocol ICMP from {@code source} to {@code destination}. */
    private static byte[] ipv4Header(InetAddress source, InetAddress destination) {
        byte[] header = new byte[20];
        header[0] = 0x45;
        header[8] = 64;
        header[9] = 1;
        System.arraycopy(source.getAddress(), 0, header, 12, 4);
        System.arraycopy(destination.getAddress(), 0, header, 16, 4);
        return header;
    }

    /** A 40-byte IPv6 header, next header ICMPv6. */
    private static byte[] ipv6Header(InetAddress source, InetAddress destination) {
        byte[] header = new byte[40];
        header[0] = 0x60;
        header[6] = 58;
        header[7] = 64;
        System.arraycopy(source.getAddress(), 0, header, 8, 16);
        System.arraycopy(destination.getAddress(), 0, header, 24, 16);
        return header;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static byte[] reply(byte[] request, int type) {
        byte[] reply = request.clone();
        reply[0] = (byte) type;
        return reply;
    }

    private static byte[] error(int type, int code, byte[] quoted) {
        return concat(new byte[] {(byte) type, (byte) code, 0, 0, 0, 0, 0, 0}, quoted);
    }

    @Test
    void computesTheInternetChecksumOfTheVerifiedVectors() {
        byte[] request = HEX.parseHex("0800000012340007494a4b4c4d4e4f50");
        assertThat(IcmpEcho.checksum(request, 0, request.length)).isEqualTo(0xb48f);
        byte[] reply = HEX.parseHex("0000000012340007494a4b4c4d4e4f50");
        assertThat(IcmpEcho.checksum(reply, 0, reply.length)).isEqualTo(0xbc8f);
    }

    @Test
    void checksumsAnOddLengthAsIfPaddedWithZero() {
        assertThat(IcmpEcho.checksum(HEX.parseHex("0102ff"), 0, 3))
                .isEqualTo(IcmpEcho.checksum(HEX.parseHex("0102ff00"), 0, 4));
    }

    @Test
    void buildsAnIpv4EchoRequestWithItsChecksum() {
        byte[] request = IcmpEcho.request(false, 0xbeef, 513, COOKIE);
        assertThat(request).hasSize(64);
        assertThat(HEX.formatHex(request, 0, 2)).isEqualTo("0800");
        assertThat(HEX.formatHex(request, 4, 16)).isEqualTo("beef0201" + "0102030405060708");
        assertThat(IcmpEcho.checksum(request, 0, request.length))
                .as("a correct checksum sums to zero")
                .isZero();
    }

    @Test
    void buildsAnIpv6EchoRequestLeavingTheChecksumToTheKernel() {
        byte[] request = IcmpEcho.request(true, 7, 1, COOKIE);
        assertThat(HEX.formatHex(request, 0, 8)).isEqualTo("8000000000070001");
    }

    @Test
    void recognisesTheEchoReplyOnARawIpv4Socket() {
        byte[] packet = concat(ipv4Header(TARGET_V4, ROUTER_V4), reply(IcmpEcho.request(false, 0x1234, 3, COOKIE), 0));
        assertThat(IcmpEcho.interpret(packet, true, TARGET_V4, V4)).isInstanceOf(IcmpEcho.Reply.class);
    }

    @Test
    void ignoresRepliesWithAnotherIdentifierSequenceSourceOrCookie() {
        byte[] header = ipv4Header(TARGET_V4, ROUTER_V4);
        byte[] otherId = concat(header, reply(IcmpEcho.request(false, 0x4321, 3, COOKIE), 0));
        byte[] otherSequence = concat(header, reply(IcmpEcho.request(false, 0x1234, 2, COOKIE), 0));
        byte[] otherCookie = concat(header, reply(IcmpEcho.request(false, 0x1234, 3, new byte[8]), 0));
        byte[] ours = concat(header, reply(IcmpEcho.request(false, 0x1234, 3, COOKIE), 0));
        assertThat(IcmpEcho.interpret(otherId, true, TARGET_V4, V4)).isInstanceOf(IcmpEcho.Unrelated.class);
        assertThat(IcmpEcho.interpret(otherSequence, true, TARGET_V4, V4)).isInstanceOf(IcmpEcho.Unrelated.class);
        assertThat(IcmpEcho.interpret(otherCookie, true, TARGET_V4, V4)).isInstanceOf(IcmpEcho.Unrelated.class);
        assertThat(IcmpEcho.interpret(ours, true, ROUTER_V4, V4)).isInstanceOf(IcmpEcho.Unrelated.class);
    }

    @Test
    void ignoresItsOwnRequestSeenOnARawSocket() {
        byte[] packet = concat(ipv4Header(ROUTER_V4, TARGET_V4), IcmpEcho.request(false, 0x1234, 3, COOKIE));
        assertThat(IcmpEcho.interpret(packet, true, TARGET_V4, V4)).isInstanceOf(IcmpEcho.Unrelated.class);
    }

    @Test
    void acceptsAnyIdentifierWhenTheKernelChoseIt() {
        IcmpEcho.Expectation pingSocket = new IcmpEcho.Expectation(TARGET_V4, -1, 3, COOKIE);
        byte[] packet = reply(IcmpEcho.request(false, 0x0777, 3, COOKIE), 0);
        assertThat(IcmpEcho.interpret(packet, false, TARGET_V4, pingSocket)).isInstanceOf(IcmpEcho.Reply.class);
    }

    @Test
    void reportsADestinationUnreachableAboutOurRequest() {
        byte[] quoted = concat(ipv4Header(ROUTER_V4, TARGET_V4), IcmpEcho.request(false, 0x1234, 3, COOKIE));
        byte[] packet = concat(ipv4Header(ROUTER_V4, ROUTER_V4), error(3, 1, quoted));
        assertThat(IcmpEcho.interpret(packet, true, ROUTER_V4, V4))
                .isEqualTo(new IcmpEcho.Failure("destination unreachable (code 1) from 198.51.100.1"));
    }

    @Test
    void reportsATimeExceededQuotingOnlyTheFirstEightBytes() {
        byte[] quoted = concat(
                ipv4Header(ROUTER_V4, TARGET_V4),
                java.util.Arrays.copyOf(IcmpEcho.request(false, 0x1234, 3, COOKIE), 8));
        byte[] packet = concat(ipv4Header(ROUTER_V4, ROUTER_V4), error(11, 0, quoted));
        assertThat(IcmpEcho.interpret(packet, true, ROUTER_V4, V4))
                .isEqualTo(new IcmpEcho.Failure("time exceeded (code 0) from 198.51.100.1"));
    }

    @Test
    void ignoresErrorsAboutOtherDestinationsOrRequests() {
        byte[] otherDestination = concat(ipv4Header(ROUTER_V4, ROUTER_V4), IcmpEcho.request(false, 0x1234, 3, COOKIE));
        byte[] otherSequence = concat(ipv4Header(ROUTER_V4, TARGET_V4), IcmpEcho.request(false, 0x1234, 4, COOKIE));
        for (byte[] quoted : new byte[][] {otherDestination, otherSequence}) {
            byte[] packet = concat(ipv4Header(ROUTER_V4, ROUTER_V4), error(3, 1, quoted));
            assertThat(IcmpEcho.interpret(packet, true, ROUTER_V4, V4)).isInstanceOf(IcmpEcho.Unrelated.class);
        }
    }

    @Test
    void recognisesIcmpv6RepliesAndErrors() {
        byte[] request = IcmpEcho.request(true, 0x1234, 3, COOKIE);
        assertThat(IcmpEcho.interpret(reply(request, 129), false, TARGET_V6, V6))
                .isInstanceOf(IcmpEcho.Reply.class);
        byte[] unreachable = error(1, 3, concat(ipv6Header(ROUTER_V6, TARGET_V6), request));
        assertThat(IcmpEcho.interpret(unreachable, false, ROUTER_V6, V6))
                .isEqualTo(new IcmpEcho.Failure("destination unreachable (code 3) from 2001:db8::1"));
        assertThat(IcmpEcho.interpret(reply(request, 0), false, TARGET_V6, V6))
                .as("an ICMPv4 reply type")
                .isInstanceOf(IcmpEcho.Unrelated.class);
    }

    @Test
    void reportsAnErrorQueuedForAPingSocket() {
        IcmpEcho.Expectation pingSocket = new IcmpEcho.Expectation(TARGET_V4, -1, 3, COOKIE);
        byte[] sent = IcmpEcho.request(false, 0x0777, 3, COOKIE);
        assertThat(IcmpEcho.interpretQueued(sent, 3, 13, ROUTER_V4, pingSocket))
                .isEqualTo(new IcmpEcho.Failure("destination unreachable (code 13) from 198.51.100.1"));
        assertThat(IcmpEcho.interpretQueued(IcmpEcho.request(false, 0x0777, 2, COOKIE), 3, 13, ROUTER_V4, pingSocket))
                .isInstanceOf(IcmpEcho.Unrelated.class);
    }

    @Test
    void neverThrowsOnTruncatedOrRandomPackets() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] packet = new byte[random.nextInt(120)];
            random.nextBytes(packet);
            if (packet.length > 0 && i % 2 == 0) {
                packet[0] = 0x45;
            }
            if (packet.length > 9 && i % 4 == 0) {
                packet[9] = 1;
            }
            boolean header = i % 3 != 0;
            assertThat(IcmpEcho.interpret(packet, header, TARGET_V4, V4)).isNotNull();
            assertThat(IcmpEcho.interpret(packet, false, TARGET_V6, V6)).isNotNull();
            assertThat(IcmpEcho.interpretQueued(packet, 3, 1, ROUTER_V4, V4)).isNotNull();
        }
    }
}
