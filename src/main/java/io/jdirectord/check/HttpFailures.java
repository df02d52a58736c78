package io.jdirectord.check;

import java.io.IOException;
import java.net.ConnectException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;

/** Reasons for the ways an HTTP exchange fails before a status is judged. */
final class HttpFailures {

    private HttpFailures() {
    }

    /**
     * @param name    the host name TLS checks the certificate against (virtualhost or address)
     * @param timeout the check's whole-probe timeout
     */
    static String describe(IOException e, String name, Duration timeout) {
        if (e instanceof ConnectTimeoutException) {
            return "connect timeout after " + Reasons.millis(timeout);
        }
        if (e instanceof ConnectException) {
            return Reasons.connectFailure(e, false, timeout);
        }
        if (e instanceof SSLException tls) {
            return tlsFailure(tls, "'" + name + "'");
        }
        if (e instanceof NoHttpResponseException) {
            return "connection closed without an HTTP response";
        }
        if (e instanceof MessageConstraintException || e.getCause() instanceof ProtocolException) {
            return "invalid HTTP response: " + Reasons.excerpt(String.valueOf(e.getMessage()));
        }
        return Reasons.exchangeFailure(e, false, timeout, "the HTTP response");
    }

    private static String tlsFailure(SSLException e, String name) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return "TLS certificate of " + name + " is not trusted";
            }
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof SSLPeerUnverifiedException || message.startsWith("No subject alternative")
                    || message.startsWith("No name matching")) {
                return "TLS certificate does not match " + name;
            }
        }
        return "TLS handshake failed: " + Reasons.excerpt(String.valueOf(e.getMessage()));
    }
}
