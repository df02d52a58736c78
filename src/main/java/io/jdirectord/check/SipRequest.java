package io.jdirectord.check;

import io.jdirectord.net.AddressText;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The OPTIONS request of a sip check, line for line as ldirectord's check_sip sends it, but with a fresh
 * random Via branch, From tag and Call-ID for each probe, and the Via naming the transport used.
 *
 * @param uri       the request URI, also used in To, From and Contact: {@code sip:user@host}
 * @param transport "UDP" or "TCP"
 * @param local     the address and port the request leaves from, named in the Via header
 * @param branch    the Via branch, starting with RFC 3261's magic cookie {@code z9hG4bK}
 * @param tag       the From tag
 * @param callId    the Call-ID
 */
record SipRequest(String uri, String transport, InetSocketAddress local, String branch, String tag, String callId) {

    /** RFC 3261's prefix of every branch made by a compliant client. */
    static final String MAGIC_COOKIE = "z9hG4bK";

    /** A request with random branch (96 bits), tag (64 bits) and Call-ID (128 bits). */
    static SipRequest options(String uri, String transport, InetSocketAddress local) {
        return new SipRequest(uri, transport, local, MAGIC_COOKIE + randomHex(12), randomHex(8), randomHex(16));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The request as sent: CRLF line ends, a blank line, no body. */
    byte[] bytes() {
        String via = "SIP/2.0/" + transport + " " + AddressText.withPort(local.getAddress(), local.getPort())
                + ";branch=" + branch + ";rport";
        String text = String.join(
                "\r\n",
                "OPTIONS " + uri + " SIP/2.0",
                "Via: " + via,
                "Max-Forwards: 70",
                "To: <" + uri + ">",
                "From: <" + uri + ">;tag=" + tag,
                "Call-ID: " + callId,
                "CSeq: 1 OPTIONS",
                "Contact: <" + uri + ">",
                "Accept: application/sdp",
                "Content-Length: 0",
                "",
                "");
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
