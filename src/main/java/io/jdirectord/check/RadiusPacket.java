package io.jdirectord.check;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RADIUS Access-Request packets (RFC 2865) and the digests both directions share: the User-Password
 * hiding of RFC 2865 §5.2, and the Message-Authenticator of RFC 3579 §3.2 (HMAC-MD5 over the packet),
 * which every request carries, first, as the BlastRADIUS advisory asks.
 */
final class RadiusPacket {

    static final int ACCESS_REQUEST = 1;
    static final int ACCESS_ACCEPT = 2;
    static final int ACCESS_REJECT = 3;
    static final int ACCESS_CHALLENGE = 11;

    static final int USER_NAME = 1;
    static final int USER_PASSWORD = 2;
    static final int NAS_IP_ADDRESS = 4;
    static final int REPLY_MESSAGE = 18;
    static final int MESSAGE_AUTHENTICATOR = 80;
    static final int NAS_IPV6_ADDRESS = 95;

    /** Code, identifier, length and the 16-byte authenticator. */
    static final int HEADER_BYTES = 20;

    static final int AUTHENTICATOR_BYTES = 16;
    /** The largest packet RFC 2865 allows. */
    static final int MAX_BYTES = 4096;

    private static final int MAX_VALUE_BYTES = 253;
    private static final int MAX_PASSWORD_BYTES = 128;

    private RadiusPacket() {}

    /**
     * An Access-Request: Message-Authenticator, User-Name, User-Password hidden with the secret,
     * NAS-IP-Address (NAS-IPv6-Address for an IPv6 {@code nas}).
     *
     * @param identifier    0..255
     * @param authenticator the random 16-byte Request Authenticator
     * @throws IllegalArgumentException when the user name is over 253 or the password over 128 bytes
     */
    static byte[] accessRequest(
            int identifier, byte[] authenticator, String user, String password, byte[] secret, InetAddress nas) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(ACCESS_REQUEST);
        packet.write(identifier);
        packet.writeBytes(new byte[2]);
        packet.writeBytes(authenticator);
        int messageAuthenticatorAt = packet.size() + 2;
        attribute(packet, MESSAGE_AUTHENTICATOR, new byte[AUTHENTICATOR_BYTES]);
        attribute(packet, USER_NAME, user.getBytes(StandardCharsets.UTF_8));
        attribute(
                packet, USER_PASSWORD, hidePassword(password.getBytes(StandardCharsets.UTF_8), secret, authenticator));
        attribute(packet, nas instanceof Inet4Address ? NAS_IP_ADDRESS : NAS_IPV6_ADDRESS, nas.getAddress());
        byte[] bytes = packet.toByteArray();
        bytes[2] = (byte) (bytes.length >> 8);
        bytes[3] = (byte) bytes.length;
        System.arraycopy(messageAuthenticator(bytes, secret), 0, bytes, messageAuthenticatorAt, AUTHENTICATOR_BYTES);
        return bytes;
    }

    private static void attribute(ByteArrayOutputStream packet, int type, byte[] value) {
        if (value.length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException(
                    "RADIUS attribute " + type + " is longer than " + MAX_VALUE_BYTES + " bytes");
        }
        packet.write(type);
        packet.write(value.length + 2);
        packet.writeBytes(value);
    }

    /**
     * The User-Password value of RFC 2865 §5.2: the password padded with zeros to a multiple of 16
     * bytes, each block XORed with MD5(secret + the previous hidden block, the authenticator first).
     *
     * @throws IllegalArgumentException when the password is longer than 128 bytes
     */
    static byte[] hidePassword(byte[] password, byte[] secret, byte[] authenticator) {
        if (password.length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("a RADIUS password is at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        int blocks = Math.max(1, (password.length + 15) / 16);
        byte[] hidden = Arrays.copyOf(password, blocks * 16);
        byte[] previous = authenticator;
        for (int block = 0; block < blocks; block++) {
            byte[] mask = md5(secret, previous);
            for (int i = 0; i < 16; i++) {
                hidden[block * 16 + i] ^= mask[i];
            }
            previous = Arrays.copyOfRange(hidden, block * 16, block * 16 + 16);
        }
        return hidden;
    }

    /** HMAC-MD5 keyed with the secret over {@code packet} as it stands (RFC 3579 §3.2). */
    static byte[] messageAuthenticator(byte[] packet, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacMD5"));
            return mac.doFinal(packet);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-MD5 is not available", e);
        }
    }

    /** MD5 of the parts, concatenated. */
    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
