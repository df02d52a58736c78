package io.jdirectord.check;

import io.jdirectord.config.TlsVerification;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * TLS started right after connecting (https, pops, imaps, ldaps). Without verification (ldirectord's behaviour) any
 * certificate is accepted; with it the chain must lead to the system trust store or the configured CA
 * file, and the certificate must name the expected host (virtualhost, else the real's address). A configured
 * client certificate is presented when the server asks for one.
 */
final class ImplicitTls {

    private final SSLContext context;
    private final boolean verify;

    /**
     * @throws IllegalArgumentException when the CA file cannot be read or holds no certificate
     */
    ImplicitTls(TlsVerification tls) {
        this.verify = tls.verify();
        try {
            this.context = SSLContext.getInstance("TLS");
            context.init(keyManagers(tls), trustManagers(tls), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Starts TLS over a connected socket and completes the handshake.
     *
     * @param peerName the name the certificate must carry when verifying; also sent as SNI when it is a
     *                 host name rather than an address
     */
    SSLSocket handshake(Socket plain, String peerName, int timeoutMillis) throws IOException {
        return handshake(plain, peerName, timeoutMillis, List.of());
    }

    /**
     * {@link #handshake(Socket, String, int)} offering application protocols by ALPN ("h2", "http/1.1");
     * the server's choice is the socket's {@link SSLSocket#getApplicationProtocol()}.
     *
     * @param protocols the ALPN protocol names offered, in order of preference; empty for no ALPN
     */
    SSLSocket handshake(Socket plain, String peerName, int timeoutMillis, List<String> protocols) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, peerName, plain.getPort(), true);
        if (verify || !protocols.isEmpty()) {
            SSLParameters parameters = socket.getSSLParameters();
            if (verify) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            if (!protocols.isEmpty()) {
                parameters.setApplicationProtocols(protocols.toArray(String[]::new));
            }
            socket.setSSLParameters(parameters);
        }
        socket.setSoTimeout(timeoutMillis);
        socket.startHandshake();
        return socket;
    }

    /** The client certificate, presented when the server asks for one; none when not configured. */
    private static KeyManager @Nullable [] keyManagers(TlsVerification tls) {
        return tls.clientCertificate()
                .map(certificate -> new KeyManager[] {new ClientKeyManager(certificate)})
                .orElse(null);
    }

    private static TrustManager[] trustManagers(TlsVerification tls) throws GeneralSecurityException {
        if (!tls.verify()) {
            return new TrustManager[] {new TrustAnything()};
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(tls.caFile().isPresent() ? CaFile.trustStore(tls.caFile().get()) : null);
        return factory.getTrustManagers();
    }

    /** ldirectord's default: the server's certificate is not examined at all. */
    private static final class TrustAnything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Only used as a client.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Accepted by design: certificates are verified only with verifycert/cacert.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // Only used as a client.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // Accepted by design: certificates are verified only with verifycert/cacert.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // Only used as a client.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // Accepted by design: certificates are verified only with verifycert/cacert.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
