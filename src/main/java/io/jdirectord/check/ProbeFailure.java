package io.jdirectord.check;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.smtp.SMTPConnectionClosedException;

/** Turns what went wrong in a socket probe into a short reason such as "connect timeout after 2000 ms". */
final class ProbeFailure {

    /** The phase name used while the TCP connection is being set up. */
    static final String CONNECT = "connect";

    /** The reply code with which FTP and SMTP servers say they are closing the connection. */
    private static final int SERVICE_NOT_AVAILABLE = 421;

    private ProbeFailure() {
    }

    /**
     * @param error        what the probe threw
     * @param phase        what the probe was doing: "connect", "SMTP greeting", "FTP login"
     * @param deadlineHit  whether the deadline guard closed the probe's sockets (a read timeout, even one a
     *                     protocol library wrapped, is a timeout too)
     * @param timeout      the probe's whole timeout, named in timeout reasons
     */
    static String describe(IOException error, String phase, boolean deadlineHit, Duration timeout) {
        if (deadlineHit || error instanceof SocketTimeoutException
                || error.getCause() instanceof SocketTimeoutException) {
            return timeout(phase, timeout);
        }
        if (CONNECT.equals(phase)) {
            return connectFailure(error);
        }
        return phase + ": " + problem(error);
    }

    /**
     * Why a Commons Net client found its connection closed: a 421 reply (which makes the client close)
     * is quoted, else the bare close is named.
     */
    static String closedByServer(String phase, int replyCode, String reply) {
        if (replyCode == SERVICE_NOT_AVAILABLE && reply != null && !reply.isBlank()) {
            return phase + " " + ServerText.excerpt(reply);
        }
        return phase + ": connection closed by server";
    }

    static String timeout(String phase, Duration timeout) {
        String after = "timeout after " + timeout.toMillis() + " ms";
        return CONNECT.equals(phase) ? "connect " + after : phase + ": " + after;
    }

    private static String connectFailure(IOException error) {
        if (error instanceof ConnectException && "Connection refused".equals(error.getMessage())) {
            return "connection refused";
        }
        if (error instanceof NoRouteToHostException) {
            return "connect: no route to host";
        }
        return "connect: " + CheckRunner.describe(error);
    }

    private static String problem(IOException error) {
        if (error instanceof ReceiveLimitException) {
            return error.getMessage();
        }
        if (error instanceof MalformedServerReplyException) {
            return "malformed reply: " + ServerText.excerpt(error.getMessage());
        }
        if (error instanceof EOFException || isConnectionClosed(error)) {
            return "connection closed by server";
        }
        if (error instanceof SSLException) {
            return ServerText.excerpt(innermostMessage(error));
        }
        return ServerText.excerpt(CheckRunner.describe(error));
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

    /** Commons Net reports a closed control connection with its own exceptions for FTP and SMTP. */
    private static boolean isConnectionClosed(IOException error) {
        return error instanceof FTPConnectionClosedException || error instanceof SMTPConnectionClosedException;
    }
}
