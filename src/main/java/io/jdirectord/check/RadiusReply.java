package io.jdirectord.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * A RADIUS response accepted as the answer to one Access-Request: its identifier matches, its Response
 * Authenticator is MD5(code + identifier + length + request authenticator + attributes + secret) (RFC 2865
 * §3), and its Message-Authenticator, when it has one, is the HMAC-MD5 of RFC 3579 §3.2.
 *
 * @param code         the packet code: {@link RadiusPacket#ACCESS_ACCEPT}, {@link RadiusPacket#ACCESS_REJECT}, ...
 * @param replyMessage the first Reply-Message attribute, if any
 */
record RadiusReply(int code, Optional<String> replyMessage) {

    /** Why a reply under another secret is ignored. */
    static final String BAD_RESPONSE_AUTHENTICATOR = "Response Authenticator does not verify";

    /** A datagram that is not a verified answer to the request; {@link #getMessage()} says why. */
    static final class Unverified extends Exception {
        private static final long serialVersionUID = 1L;

        Unverified(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Verifies and decodes {@code length} bytes of {@code datagram}; octets past the packet's own length
     * are padding and ignored (RFC 2865 §3).
     *
     * @param request the Access-Request as sent
     * @throws Unverified when the datagram is malformed, answers another request, or fails a digest
     */
    static RadiusReply verify(byte[] datagram, int length, byte[] request, byte[] secret) throws Unverified {
        if (length < RadiusPacket.HEADER_BYTES) {
            throw new Unverified("a " + length + "-byte datagram is too short for RADIUS");
        }
        int declared = (datagram[2] & 0xff) << 8 | datagram[3] & 0xff;
        if (declared < RadiusPacket.HEADER_BYTES || declared > length) {
            throw new Unverified("RADIUS length " + declared + " does not fit a " + length + "-byte datagram");
        }
        byte[] packet = Arrays.copyOf(datagram, declared);
        if (packet[1] != request[1]) {
            throw new Unverified("RADIUS identifier " + (packet[1] & 0xff) + " answers another request");
        }
        byte[] requestAuthenticator = Arrays.copyOfRange(request, 4, RadiusPacket.HEADER_BYTES);
        if (!MessageDigest.isEqual(
                responseAuthenticator(packet, requestAuthenticator, secret), authenticator(packet))) {
            throw new Unverified(BAD_RESPONSE_AUTHENTICATOR);
        }
        return decode(packet, requestAuthenticator, secret);
    }

    private static byte[] authenticator(byte[] packet) {
        return Arrays.copyOfRange(packet, 4, RadiusPacket.HEADER_BYTES);
    }

    /** MD5 over the packet with the request authenticator in place of its own, then the secret. */
    static byte[] responseAuthenticator(byte[] packet, byte[] requestAuthenticator, byte[] secret) {
        return RadiusPacket.md5(withAuthenticator(packet, requestAuthenticator), secret);
    }

    private static byte[] withAuthenticator(byte[] packet, byte[] authenticator) {
        byte[] copy = packet.clone();
        System.arraycopy(authenticator, 0, copy, 4, RadiusPacket.AUTHENTICATOR_BYTES);
        return copy;
    }

    private static RadiusReply decode(byte[] packet, byte[] requestAuthenticator, byte[] secret) throws Unverified {
        Optional<String> replyMessage = Optional.empty();
        int at = RadiusPacket.HEADER_BYTES;
        while (at < packet.length) {
            int type = packet[at] & 0xff;
            int size = at + 1 < packet.length ? packet[at + 1] & 0xff : 0;
            if (size < 2 || at + size > packet.length) {
                throw new Unverified("RADIUS attribute " + type + " has a bad length");
            }
            if (type == RadiusPacket.REPLY_MESSAGE && replyMessage.isEmpty()) {
                replyMessage = Optional.of(new String(packet, at + 2, size - 2, StandardCharsets.UTF_8));
            } else if (type == RadiusPacket.MESSAGE_AUTHENTICATOR) {
                checkMessageAuthenticator(packet, at, size, requestAuthenticator, secret);
            }
            at += size;
        }
        return new RadiusReply(packet[0] & 0xff, replyMessage);
    }

    private static void checkMessageAuthenticator(
            byte[] packet, int at, int size, byte[] requestAuthenticator, byte[] secret) throws Unverified {
        if (size != 2 + RadiusPacket.AUTHENTICATOR_BYTES) {
            throw new Unverified("RADIUS Message-Authenticator has a bad length");
        }
        byte[] zeroed = withAuthenticator(packet, requestAuthenticator);
        Arrays.fill(zeroed, at + 2, at + size, (byte) 0);
        byte[] expected = RadiusPacket.messageAuthenticator(zeroed, secret);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(packet, at + 2, at + size))) {
            throw new Unverified("Message-Authenticator does not verify");
        }
    }
}
