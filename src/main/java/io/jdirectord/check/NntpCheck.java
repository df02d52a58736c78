package io.jdirectord.check;

import io.jdirectord.check.spec.Probe;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * service=nntp (ldirectord's check_nntp): connect, read the server's greeting (at most 64 bytes, as
 * ldirectord), up when its first byte is '2'. Unlike ldirectord the connect is bounded too: the whole
 * probe ends within negotiatetimeout.
 */
public final class NntpCheck implements Check {

    private static final int GREETING_BYTES = 64;

    private final InetSocketAddress target;
    private final Duration timeout;

    public NntpCheck(Probe probe) {
        this.target = probe.target();
        this.timeout = probe.timeout();
    }

    @Override
    public CheckResult run(Deadline deadline) {
        try (TcpSession session = TcpSession.open(target, deadline, timeout, GREETING_BYTES)) {
            String greeting = readGreeting(session);
            if (greeting.isEmpty()) {
                return CheckResult.down("connection closed before the NNTP greeting");
            }
            if (greeting.charAt(0) != '2') {
                return CheckResult.down("NNTP greeting '" + Reasons.excerpt(firstLine(greeting)) + "' is not 2xx");
            }
            return CheckResult.up("NNTP greeting '" + Reasons.excerpt(firstLine(greeting)) + "'");
        } catch (ProbeException e) {
            return CheckResult.down(e.getMessage());
        }
    }

    private static String readGreeting(TcpSession session) throws ProbeException {
        try {
            InputStream in = session.input();
            byte[] buffer = new byte[GREETING_BYTES];
            int n = in.read(buffer);
            return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw session.failure(e, "the NNTP greeting");
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
