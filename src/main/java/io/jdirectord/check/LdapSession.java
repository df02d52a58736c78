package io.jdirectord.check;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.TrustAllSSLSocketVerifier;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import javax.net.SocketFactory;

/**
 * The UnboundID LDAP SDK over a socket the probe has already connected (and secured, for ldaps): the
 * probe's deadline guard can close it, and its reads are bounded. The SDK runs in synchronous mode, so it
 * starts no reader thread; its connect step only picks up the given socket.
 */
final class LdapSession {

    /**
     * How the SDK begins the message of an LDAP message announced larger than the maximum message size
     * (pinned by LdapCheckHostileServerTest, which fails if an SDK upgrade words it otherwise).
     */
    private static final String OVERSIZED = "The element indicated that it required ";

    private LdapSession() {}

    /**
     * An LDAP connection speaking over {@code connected}.
     *
     * @param timeoutMillis   the response timeout of every operation unless the request sets its own
     * @param maxReceiveBytes the largest LDAP message accepted
     */
    static LDAPConnection open(Socket connected, int timeoutMillis, int maxReceiveBytes) throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setUseSynchronousMode(true);
        options.setConnectTimeoutMillis(timeoutMillis);
        options.setResponseTimeoutMillis(timeoutMillis);
        options.setMaxMessageSize(maxReceiveBytes);
        options.setFollowReferrals(false);
        options.setAbandonOnTimeout(false);
        // ldaps certificates were already judged by ImplicitTls, under verifycert/cacert.
        options.setSSLSocketVerifier(TrustAllSSLSocketVerifier.getInstance());
        return new LDAPConnection(
                new Handover(connected), options, connected.getInetAddress().getHostAddress(), connected.getPort());
    }

    /** Rethrows {@code e} unless it carries a result the server sent (rather than a transport failure). */
    static void requireServerResult(LDAPException e) throws LDAPException {
        if (e.getResultCode().isClientSideResultCode()) {
            throw e;
        }
    }

    /** "invalid credentials (49)", with the server's diagnostic message when it gave one. */
    static String describe(LDAPException e) {
        ResultCode code = e.getResultCode();
        String text = code.getName() + " (" + code.intValue() + ")";
        String message = e.getDiagnosticMessage();
        return message == null || message.isBlank() ? text : text + ": " + Reasons.serverLine(message);
    }

    /**
     * The reason for an exception the SDK threw in {@code phase}. Transport failures are thrown as the
     * I/O exception behind them, so that the probe words them (and a deadline) as every TCP check does; a
     * message larger than {@code maxReceiveBytes} as a {@link ReceiveLimitException}.
     */
    static String failure(LDAPException e, String phase, int maxReceiveBytes) throws IOException {
        if (!e.getResultCode().isClientSideResultCode()) {
            return phase + " failed: " + describe(e);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                boolean oversized = io.getMessage() != null && io.getMessage().startsWith(OVERSIZED);
                throw oversized ? new ReceiveLimitException(maxReceiveBytes) : io;
            }
        }
        if (ResultCode.TIMEOUT.equals(e.getResultCode()) || timedOutWhileDecoding(e)) {
            throw new SocketTimeoutException(e.getMessage());
        }
        if (ResultCode.SERVER_DOWN.equals(e.getResultCode())) {
            throw new EOFException(e.getMessage());
        }
        if (ResultCode.DECODING_ERROR.equals(e.getResultCode())) {
            return phase + ": malformed reply: " + Reasons.serverLine(e.getExceptionMessage());
        }
        return phase + ": " + Reasons.serverLine(e.getExceptionMessage());
    }

    /**
     * Whether the SDK gave up decoding a message because the read timed out: it reports that as a decoding
     * error whose message names the SocketTimeoutException (without the exception as its cause), when the
     * socket's read timeout fires before the deadline guard closes the socket.
     */
    private static boolean timedOutWhileDecoding(LDAPException e) {
        String message = e.getExceptionMessage();
        return ResultCode.DECODING_ERROR.equals(e.getResultCode())
                && message != null
                && message.contains(SocketTimeoutException.class.getSimpleName());
    }

    /** Hands the SDK the probe's connected socket instead of making one. */
    private static final class Handover extends SocketFactory {
        private final Socket socket;

        Handover(Socket socket) {
            this.socket = socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            throw new SocketException("the socket is connected already");
        }

        @Override
        public Socket createSocket(String host, int port) {
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) {
            return socket;
        }
    }
}
