package io.jdirectord.config;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The certificate chain and private key TLS checks present when a server asks for a client certificate
 * ({@code clientcert} and {@code clientkey}), read and checked when the configuration is loaded.
 *
 * <p>Two are equal when their files and what was read from them are: a reload that finds other contents at
 * the same paths gives an unequal value, so the checks are rebuilt with new TLS set-ups. The text form
 * names the files only, never the key.
 */
public final class ClientCertificate {

    private final Path certificateFile;
    private final Path keyFile;
    private final List<X509Certificate> chain;
    private final PrivateKey key;

    /**
     * @param chain the client's certificate first, then the certificates that lead to its CA (not empty)
     * @param key   the private key of the first certificate
     */
    public ClientCertificate(Path certificateFile, Path keyFile, List<X509Certificate> chain, PrivateKey key) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a client certificate needs at least one certificate");
        }
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.chain = List.copyOf(chain);
        this.key = key;
    }

    public Path certificateFile() {
        return certificateFile;
    }

    public Path keyFile() {
        return keyFile;
    }

    /** The client's certificate first, then its issuers as the file lists them. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public PrivateKey key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientCertificate other
                && certificateFile.equals(other.certificateFile)
                && keyFile.equals(other.keyFile)
                && chain.equals(other.chain)
                && MessageDigest.isEqual(key.getEncoded(), other.key.getEncoded());
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificateFile, keyFile, chain.get(0));
    }

    @Override
    public String toString() {
        return "clientcert " + certificateFile + ", clientkey " + keyFile;
    }
}
