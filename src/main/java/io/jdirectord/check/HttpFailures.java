package io.jdirectord.check;

import java.io.IOException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * The HTTP-specific wording of an exchange that fails before a status is judged (no response, a reply
 * that is not HTTP); connect, TLS and timeout failures are worded by {@link Reasons}, as for every check.
 */
final class HttpFailures {

    /** What HttpCore puts between its complaint and the line it quotes. */
    private static final String OFFSET_MARK = "; error at offset ";

    private HttpFailures() {}

    /**
     * @param waitingFor what the exchange waited for ({@link HttpExchange#waitingFor()})
     * @param cutOff     whether the deadline closed the connection
     * @param name       the host name TLS checks the certificate against (virtualhost or address)
     * @param timeout    the check's whole-probe timeout
     */
    static String describe(IOException e, String waitingFor, boolean cutOff, String name, Duration timeout) {
        if (HttpExchange.CONNECT.equals(waitingFor)) {
            return Reasons.connectFailure(e, cutOff, timeout);
        }
        if (cutOff) {
            return Reasons.timeout(timeout, waitingFor);
        }
        if (e instanceof SSLException tls) {
            return Reasons.tlsFailure(tls, "'" + name + "'");
        }
        if (e instanceof ReceiveLimitException) {
            return e.getMessage() + " waiting for " + waitingFor;
        }
        if (e instanceof NoHttpResponseException) {
            return "connection closed without an HTTP response";
        }
        if (e instanceof MessageConstraintException) {
            return "invalid HTTP response: " + Reasons.excerpt(String.valueOf(e.getMessage()));
        }
        return Reasons.exchangeFailure(e, false, timeout, waitingFor);
    }

    /**
     * A reply HttpCore cannot read as HTTP (a malformed status line or header): its complaint, and the
     * start of the offending line when it quotes one ("Invalid protocol version in 'SSH-2.0-OpenSSH'").
     */
    static String invalid(HttpException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf(OFFSET_MARK);
        int quoted = at < 0 ? -1 : message.indexOf(": ", at);
        if (quoted < 0) {
            return "invalid HTTP response: " + Reasons.serverLine(message);
        }
        String line = message.substring(quoted + 2);
        if (line.startsWith("<") && line.endsWith(">")) {
            line = line.substring(1, line.length() - 1);
        }
        line = Reasons.serverLine(line);
        return "invalid HTTP response: " + message.substring(0, at) + " in '" + Reasons.excerpt(line) + "'";
    }
}
