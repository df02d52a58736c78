package io.jdirectord.check;

import io.jdirectord.config.TlsVerification;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.ssl.SSLContexts;

/**
 * The TLS side of HTTPS checks. Without verification (ldirectord's behaviour) every certificate and name
 * is accepted; with it the chain is checked against the JDK's default trust store or the CA file, and
 * the name (virtualhost, else the real's address) against the certificate.
 */
final class TlsStrategies {

    private TlsStrategies() {
    }

    /** @throws IllegalArgumentException when the CA file cannot be read or holds no certificate */
    static TlsSocketStrategy forVerification(TlsVerification tls) {
        if (!tls.verify()) {
            return ClientTlsStrategyBuilder.create()
                    .setSslContext(trustAll())
                    .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                    .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                    .buildClassic();
        }
        SSLContext context = tls.caFile().map(TlsStrategies::trusting).orElseGet(SSLContexts::createSystemDefault);
        return ClientTlsStrategyBuilder.create()
                .setSslContext(context)
                .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                .buildClassic();
    }

    private static SSLContext trustAll() {
        try {
            return SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS context", e);
        }
    }

    private static SSLContext trusting(Path caFile) {
        try {
            return SSLContexts.custom().loadTrustMaterial(CaFile.trustStore(caFile), null).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use CA file " + caFile + ": " + e.getMessage(), e);
        }
    }
}
