package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.check.testing.Loopback;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RadiusPacket and RadiusReply, on RFC 2865 §7.1's example where it applies. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RadiusPacketTest {

    private static final HexFormat HEX = HexFormat.of();
    /** RFC 2865 §7.1: user nemo, password arctangent, secret xyzzy5461. */
    private static final byte[] RFC_SECRET = "xyzzy5461".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] RFC_AUTHENTICATOR = HEX.parseHex("0f403f9473978057bd83d5cb98f4227a");
    private static final byte[] RFC_REQUEST = HEX.parseHex("01000038" + "0f403f9473978057bd83d5cb98f4227a"
            + "01066e656d6f" + "02120dbe708d93d413ce3196e43f782a0aee" + "0406c0a80110" + "050600000003");
    private static final byte[] RFC_ACCEPT =
            HEX.parseHex("02000026" + "86fe220e7624ba2a1005f6bf9b55e0b2" + "0606000000010f06000000000e06c0a80103");

    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.US_ASCII);

    @Test
    void hidesThePasswordAsTheRfcExample() {
        byte[] hidden = RadiusPacket.hidePassword(
                "arctangent".getBytes(StandardCharsets.US_ASCII), RFC_SECRET, RFC_AUTHENTICATOR);
        assertThat(HEX.formatHex(hidden)).isEqualTo("0dbe708d93d413ce3196e43f782a0aee");
    }

    @Test
    void acceptsTheRfcExampleAccessAccept() throws Exception {
        assertThat(RadiusReply.verify(RFC_ACCEPT, RFC_ACCEPT.length, RFC_REQUEST, RFC_SECRET))
                .isEqualTo(new RadiusReply(RadiusPacket.ACCESS_ACCEPT, Optional.empty()));
    }

    @Test
    void ignoresOctetsPastThePacketLength() throws Exception {
        byte[] padded = Arrays.copyOf(RFC_ACCEPT, RFC_ACCEPT.length + 7);
        assertThat(RadiusReply.verify(padded, padded.length, RFC_REQUEST, RFC_SECRET)
                        .code())
                .isEqualTo(RadiusPacket.ACCESS_ACCEPT);
    }

    @Test
    void chainsLongPasswordsBlockByBlock() {
        byte[] password = "a password longer than two blocks".getBytes(StandardCharsets.US_ASCII);
        byte[] hidden = RadiusPacket.hidePassword(password, SECRET, RFC_AUTHENTICATOR);
        assertThat(hidden).hasSize(48);
        byte[] clear = new byte[48];
        byte[] previous = RFC_AUTHENTICATOR;
        for (int block = 0; block < 3; block++) {
            byte[] mask = RadiusPacket.md5(SECRET, previous);
            for (int i = 0; i < 16; i++) {
                clear[block * 16 + i] = (byte) (hidden[block * 16 + i] ^ mask[i]);
            }
            previous = Arrays.copyOfRange(hidden, block * 16, block * 16 + 16);
        }
        assertThat(clear).isEqualTo(Arrays.copyOf(password, 48));
    }

    @Test
    void refusesPasswordsOver128Bytes() {
        assertThatThrownBy(() -> RadiusPacket.hidePassword(new byte[129], SECRET, RFC_AUTHENTICATOR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsAnAccessRequestWithAMessageAuthenticatorFirst() {
        byte[] request = RadiusPacket.accessRequest(7, RFC_AUTHENTICATOR, "bob", "pw", SECRET, Loopback.V4);
        assertThat(HEX.formatHex(request, 0, 4)).isEqualTo("0107" + String.format("%04x", request.length));
        assertThat(HEX.formatHex(request, 20, 22)).isEqualTo("5012");
        byte[] zeroed = request.clone();
        Arrays.fill(zeroed, 22, 38, (byte) 0);
        assertThat(Arrays.copyOfRange(request, 22, 38)).isEqualTo(RadiusPacket.messageAuthenticator(zeroed, SECRET));
        assertThat(HEX.formatHex(request, 38, 43)).isEqualTo("0105626f62");
        assertThat(HEX.formatHex(request, request.length - 6, request.length)).isEqualTo("04067f000001");
    }

    @Test
    void namesAnIpv6NasWithNasIpv6Address() {
        byte[] request = RadiusPacket.accessRequest(7, RFC_AUTHENTICATOR, "bob", "pw", SECRET, Loopback.V6);
        assertThat(HEX.formatHex(request, request.length - 18, request.length))
                .isEqualTo("5f12" + "00000000000000000000000000000001");
    }

    @Test
    void ignoresAReplyToAnotherIdentifier() {
        byte[] other = RFC_REQUEST.clone();
        other[1] = 9;
        assertThatThrownBy(() -> RadiusReply.verify(RFC_ACCEPT, RFC_ACCEPT.length, other, RFC_SECRET))
                .hasMessage("RADIUS identifier 0 answers another request");
    }

    @Test
    void ignoresAReplyUnderAnotherSecret() {
        assertThatThrownBy(() -> RadiusReply.verify(RFC_ACCEPT, RFC_ACCEPT.length, RFC_REQUEST, SECRET))
                .hasMessage("Response Authenticator does not verify");
    }

    @Test
    void ignoresMalformedDatagrams() {
        assertThatThrownBy(() -> RadiusReply.verify(RFC_ACCEPT, 19, RFC_REQUEST, RFC_SECRET))
                .hasMessage("a 19-byte datagram is too short for RADIUS");
        assertThatThrownBy(() -> RadiusReply.verify(RFC_ACCEPT, 30, RFC_REQUEST, RFC_SECRET))
                .hasMessage("RADIUS length 38 does not fit a 30-byte datagram");
        byte[] badAttribute = RFC_ACCEPT.clone();
        badAttribute[21] = 1;
        System.arraycopy(
                RadiusReply.responseAuthenticator(badAttribute, RFC_AUTHENTICATOR, RFC_SECRET), 0, badAttribute, 4, 16);
        assertThatThrownBy(() -> RadiusReply.verify(badAttribute, badAttribute.length, RFC_REQUEST, RFC_SECRET))
                .hasMessage("RADIUS attribute 6 has a bad length");
    }
}
