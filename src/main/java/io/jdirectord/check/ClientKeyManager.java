package io.jdirectord.check;

import io.jdirectord.config.ClientCertificate;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents the configured client certificate whenever a server asks for one, whichever CAs the server names:
 * the operator chose it, and the server's refusal says more than a check that silently sends none.
 */
final class ClientKeyManager extends X509ExtendedKeyManager {

    private static final String ALIAS = "clientcert";

    private final X509Certificate[] chain;
    private final PrivateKey key;

    ClientKeyManager(ClientCertificate certificate) {
        this.chain = certificate.chain().toArray(X509Certificate[]::new);
        this.key = certificate.key();
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return ALIAS;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return ALIAS;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {ALIAS};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return chain.clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return key;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
