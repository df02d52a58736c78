package io.jdirectord.check;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.smtp.SMTPConnectionClosedException;

/**
 * The one place that words the checks' reasons: what a server sent made safe to show, sizes, and what
 * went wrong on a connection ("connection refused", "connect timeout after 2000 ms"). Two phrasings of
 * an exchange failure exist: checks that know what they wait for say "... waiting for the DNS answer"
 * ({@link #exchangeFailure}); conversations driven by a protocol library name their phase, "FTP login:
 * connection closed by server" ({@link #inPhase}). Only genuinely protocol-specific wording lives
 * elsewhere ({@link HttpFailures}, {@link SqlFailures}).
 */
final class Reasons {

    /** The phase name used while the TCP connection is being set up. */
    static final String CONNECT = "connect";
    /** The longest {@link #serverLine} in characters, before an ellipsis. */
    static final int LINE_CHARS = 120;

    private static final int EXCERPT_CHARS = 60;
    /** The reply code with which FTP and SMTP servers say they are closing the connection. */
    private static final int SERVICE_NOT_AVAILABLE = 421;

    private Reasons() {}

    /** "512 B", "1.2 KiB", "50.0 MiB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    /** Text quoted inside a reason: control characters as '?', at most 60 characters, then "...". */
    static String excerpt(CharSequence text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < EXCERPT_CHARS; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return text.length() > EXCERPT_CHARS ? out + "..." : out.toString();
    }

    /**
     * A server's reply shown as a reason: its first non-empty line, control and non-ASCII characters as
     * '?', cut to {@link #LINE_CHARS} characters and an ellipsis; empty for null.
     */
    static String serverLine(String text) {
        if (text == null) {
            return "";
        }
        String line = firstLine(text);
        StringBuilder out = new StringBuilder(Math.min(line.length(), LINE_CHARS + 1));
        for (int i = 0; i < line.length() && out.length() < LINE_CHARS; i++) {
            char c = line.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (line.length() > LINE_CHARS) {
            out.append('…');
        }
        return out.toString().strip();
    }

    /**
     * Why a TCP connect failed, for a check whose whole-probe timeout is {@code timeout}.
     *
     * @param cutOff whether the deadline closed the socket (a timeout whatever the socket said)
     */
    static String connectFailure(IOException e, boolean cutOff, Duration timeout) {
        if (cutOff || timedOut(e)) {
            return "connect timeout after " + millis(timeout);
        }
        if (e instanceof ConnectException
                && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("refused")) {
            return "connection refused";
        }
        if (e instanceof PortUnreachableException) {
            return "port unreachable";
        }
        if (e instanceof NoRouteToHostException) {
            return "connect: no route to host";
        }
        return "connect: " + CheckRunner.describe(e);
    }

    /** "timeout after 2000 ms waiting for the query". */
    static String timeout(Duration timeout, String waitingFor) {
        return "timeout after " + millis(timeout) + " waiting for " + waitingFor;
    }

    /** Why an exchange on an open connection failed; {@code cutOff} when the deadline closed it. */
    static String exchangeFailure(IOException e, boolean cutOff, Duration timeout, String waitingFor) {
        if (cutOff || e instanceof SocketTimeoutException) {
            return timeout(timeout, waitingFor);
        }
        if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
            return "connection reset waiting for " + waitingFor;
        }
        if (e instanceof PortUnreachableException) {
            return "port unreachable";
        }
        return CheckRunner.describe(e) + " waiting for " + waitingFor;
    }

    /**
     * As {@link #exchangeFailure}, for a protocol that names itself first: "DNS timeout after 2000 ms
     * waiting for the answer", "SIP: connection closed before a final response".
     */
    static String exchangeFailure(String protocol, IOException e, boolean cutOff, Duration timeout, String waitingFor) {
        if (cutOff || e instanceof SocketTimeoutException) {
            return protocol + " " + timeout(timeout, waitingFor);
        }
        if (e instanceof EOFException) {
            return protocol + ": connection closed before " + waitingFor;
        }
        if (e instanceof ReceiveLimitException) {
            return protocol + ": " + e.getMessage();
        }
        return exchangeFailure(e, false, timeout, waitingFor);
    }

    /**
     * What went wrong in {@code phase} of a conversation ("connect", "SMTP greeting", "FTP login").
     *
     * @param cutOff whether the deadline closed the probe's sockets (a read timeout, even one a protocol
     *               library wrapped, is a timeout too)
     */
    static String inPhase(IOException e, String phase, boolean cutOff, Duration timeout) {
        if (cutOff || timedOut(e)) {
            return timeoutIn(phase, timeout);
        }
        if (CONNECT.equals(phase)) {
            return connectFailure(e, false, timeout);
        }
        return phase + ": " + problem(e);
    }

    /** "SMTP EHLO: timeout after 2000 ms"; for the connect phase "connect timeout after 2000 ms". */
    static String timeoutIn(String phase, Duration timeout) {
        String after = "timeout after " + millis(timeout);
        return CONNECT.equals(phase) ? "connect " + after : phase + ": " + after;
    }

    /**
     * Why a Commons Net client found its connection closed: a 421 reply (which makes the client close)
     * is quoted, else the bare close is named.
     */
    static String closedByServer(String phase, int replyCode, String reply) {
        if (replyCode == SERVICE_NOT_AVAILABLE && reply != null && !reply.isBlank()) {
            return phase + " " + serverLine(reply);
        }
        return phase + ": connection closed by server";
    }

    /**
     * A failed TLS handshake with a server that should be {@code name}: an untrusted certificate, one for
     * another name, or the handshake's own complaint.
     */
    static String tlsFailure(SSLException e, String name) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return "TLS certificate of " + name + " is not trusted";
            }
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof SSLPeerUnverifiedException
                    || message.startsWith("No subject alternative")
                    || message.startsWith("No name matching")) {
                return "TLS certificate does not match " + name;
            }
        }
        return "TLS handshake failed: " + excerpt(String.valueOf(e.getMessage()));
    }

    private static boolean timedOut(IOException e) {
        return e instanceof SocketTimeoutException || e.getCause() instanceof SocketTimeoutException;
    }

    private static String problem(IOException error) {
        if (error instanceof ReceiveLimitException) {
            return error.getMessage();
        }
        if (error instanceof MalformedServerReplyException) {
            return "malformed reply: " + serverLine(error.getMessage());
        }
        if (error instanceof EOFException
                || error instanceof FTPConnectionClosedException
                || error instanceof SMTPConnectionClosedException) {
            return "connection closed by server";
        }
        if (error instanceof SSLException) {
            return serverLine(innermostMessage(error));
        }
        return serverLine(CheckRunner.describe(error));
    }

    /** TLS failures wrap the telling message ("No subject alternative DNS name matching x found.") in causes. */
    @SuppressWarnings("ReferenceEquality") // a cause that is its own cause ends the chain
    private static String innermostMessage(Throwable error) {
        String message = CheckRunner.describe(error);
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    private static String firstLine(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = nextLineEnd(text, start);
            if (!text.substring(start, end).isBlank()) {
                return text.substring(start, end);
            }
            start = end + 1;
        }
        return "";
    }

    private static int nextLineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }
}
