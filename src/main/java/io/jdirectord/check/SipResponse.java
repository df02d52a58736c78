package io.jdirectord.check;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP response as far as a sip check needs it: the status, and the Call-ID, top Via branch and
 * Content-Length headers (compact forms {@code i}, {@code v}, {@code l} understood, folded lines joined).
 *
 * @param code    the status code, 100 to 699
 * @param phrase  the reason phrase as sent
 * @param headers the first value of each header, by lower-case full name
 */
record SipResponse(int code, String phrase, Map<String, String> headers) {

    private static final Pattern STATUS_LINE = Pattern.compile("SIP/2\\.0 ([1-6]\\d\\d)(?: (.*))?");
    private static final Pattern BRANCH = Pattern.compile(";\\s*branch\\s*=\\s*([^;,\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> COMPACT = Map.of("i", "call-id", "v", "via", "l", "content-length");
    private static final String CRLF = "\r\n";

    /**
     * Parses a response head: the status line and the header lines up to the blank line (the rest is ignored).
     *
     * @throws ProbeException when the text is no SIP/2.0 response
     */
    static SipResponse parse(String text) throws ProbeException {
        String[] lines = text.replace(CRLF, "\n").split("\n", -1);
        Matcher status = STATUS_LINE.matcher(lines[0]);
        if (!status.matches()) {
            throw new ProbeException("SIP: malformed response '" + Reasons.excerpt(lines[0]) + "'");
        }
        Map<String, String> headers = new HashMap<>();
        for (String line : unfold(lines)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        fullName(line.substring(0, colon).strip()),
                        line.substring(colon + 1).strip());
            }
        }
        return new SipResponse(
                Integer.parseInt(status.group(1)),
                Optional.ofNullable(status.group(2)).orElse(""),
                Map.copyOf(headers));
    }

    /** The header lines after the status line up to the blank line, continuation lines joined. */
    private static List<String> unfold(String[] lines) {
        List<String> unfolded = new ArrayList<>();
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            boolean continuation = Character.isWhitespace(lines[i].charAt(0)) && !unfolded.isEmpty();
            if (continuation) {
                unfolded.set(unfolded.size() - 1, unfolded.getLast() + " " + lines[i].strip());
            } else {
                unfolded.add(lines[i]);
            }
        }
        return unfolded;
    }

    private static String fullName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return COMPACT.getOrDefault(lower, lower);
    }

    /**
     * Reads the next response from a stream: empty lines before it are skipped (keep-alives), its body
     * (Content-Length bytes) read and dropped.
     *
     * @throws EOFException   when the stream ends first
     * @throws ProbeException when what arrives is no SIP response
     */
    static SipResponse read(InputStream in) throws IOException, ProbeException {
        SipResponse response = parse(readHead(in));
        in.skipNBytes(response.contentLength());
        return response;
    }

    /** The bytes up to and including the blank line; a first line that is no status line fails at once. */
    private static String readHead(InputStream in) throws IOException, ProbeException {
        int b = in.read();
        while (b == '\r' || b == '\n') {
            b = in.read();
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lineEnds = 0;
        boolean firstLine = true;
        while (true) {
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            head.write(b);
            lineEnds = b == '\n' ? lineEnds + 1 : b == '\r' ? lineEnds : 0;
            if (lineEnds == 1 && firstLine) {
                parse(head.toString(StandardCharsets.UTF_8));
                firstLine = false;
            }
            if (lineEnds == 2) {
                return head.toString(StandardCharsets.UTF_8);
            }
            b = in.read();
        }
    }

    /** Whether this answers {@code request}: same Call-ID and same branch in the top Via. */
    boolean answers(SipRequest request) {
        return request.callId().equals(headers.get("call-id"))
                && request.branch().equals(topBranch().orElse(null));
    }

    private Optional<String> topBranch() {
        String via = headers.getOrDefault("via", "");
        int comma = via.indexOf(',');
        Matcher branch = BRANCH.matcher(comma < 0 ? via : via.substring(0, comma));
        return branch.find() ? Optional.of(branch.group(1)) : Optional.empty();
    }

    /** The body length; 0 when absent or unreadable. */
    int contentLength() {
        try {
            return Math.max(0, Integer.parseInt(headers.getOrDefault("content-length", "0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean provisional() {
        return code < 200;
    }

    /** "SIP 404 Not Found", the phrase made safe for a log line. */
    String status() {
        return ("SIP " + code + " " + Reasons.excerpt(phrase)).strip();
    }
}
