package io.jdirectord.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How TLS checks (https, pops, imaps, ldaps, ...) meet the server: whether they verify its certificate chain
 * and host name, and which certificate they present when it asks for one. ldirectord never verifies and
 * never presents one; that stays the default. Extension directives {@code verifycert = yes|no},
 * {@code cacert = "/path/ca.pem"} (a CA file implies verification against it instead of the system trust
 * store), {@code clientcert} and {@code clientkey}.
 *
 * @param verify            whether to verify the chain and the host name (virtualhost, else the real's address)
 * @param caFile            a PEM file of trusted CAs; empty means the JDK's default trust store
 * @param clientCertificate what the check presents when the server asks for a client certificate; empty: none
 */
public record TlsVerification(boolean verify, Optional<Path> caFile, Optional<ClientCertificate> clientCertificate) {
    public static final TlsVerification OFF = new TlsVerification(false, Optional.empty());

    /** Without a client certificate. */
    public TlsVerification(boolean verify, Optional<Path> caFile) {
        this(verify, caFile, Optional.empty());
    }
}
