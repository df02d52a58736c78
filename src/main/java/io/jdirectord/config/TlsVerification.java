package io.jdirectord.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether TLS checks (https, pops, imaps, ...) verify the server's certificate chain and host name.
 * ldirectord never verifies; that stays the default. Extension directives {@code verifycert = yes|no}
 * and {@code cacert = "/path/ca.pem"} (a CA file implies verification against it instead of the
 * system trust store).
 *
 * @param verify whether to verify the chain and the host name (virtualhost, else the real's address)
 * @param caFile a PEM file of trusted CAs; empty means the JDK's default trust store
 */
public record TlsVerification(boolean verify, Optional<Path> caFile) {
    public static final TlsVerification OFF = new TlsVerification(false, Optional.empty());
}
