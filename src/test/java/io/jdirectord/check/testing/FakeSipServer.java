package io.jdirectord.check.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * A scriptable SIP server for check tests: the same answer function, from a request's text to the
 * responses to send, served over UDP ({@link #udp}) or TCP ({@link #tcp}); and {@link #reply}, which
 * builds a response that echoes a request's Via, From, Call-ID and CSeq.
 */
public final class FakeSipServer {

    private FakeSipServer() {}

    public static UdpResponder udp(InetAddress address, Function<String, List<String>> answer) throws IOException {
        return UdpResponder.answering(
                address,
                0,
                request -> answer.apply(new String(request, StandardCharsets.UTF_8)).stream()
                        .map(reply -> reply.getBytes(StandardCharsets.UTF_8))
                        .toList());
    }

    /** Answers each request on a connection; what clients send is recorded. */
    public static ScriptedServer tcp(InetAddress address, Function<String, List<String>> answer) throws IOException {
        return ScriptedServer.start(address, connection -> {
            for (String request = readHead(connection.in()); !request.isEmpty(); request = readHead(connection.in())) {
                connection.record(request);
                for (String reply : answer.apply(request)) {
                    connection.send(reply);
                }
            }
        });
    }

    /**
     * A response to {@code request} with status {@code status} ("200 OK"), echoing its Via, From,
     * Call-ID and CSeq; {@code extra} is added as header lines (put a blank line and text at its end for a
     * body) before the Content-Length.
     */
    public static String reply(String request, String status, String... extra) {
        StringBuilder text = new StringBuilder("SIP/2.0 " + status + "\r\n");
        for (String name : List.of("Via", "From", "To", "Call-ID", "CSeq")) {
            text.append(name).append(": ").append(header(request, name)).append("\r\n");
        }
        for (String line : extra) {
            text.append(line).append("\r\n");
        }
        return text.append(extra.length == 0 ? "Content-Length: 0\r\n\r\n" : "").toString();
    }

    /** The value of the first {@code name} header of a request. */
    public static String header(String request, String name) {
        for (String line : request.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        throw new IllegalArgumentException("no " + name + " header in " + request);
    }

    /** Reads up to a blank line; "" when the client closed first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.UTF_8);
    }
}
