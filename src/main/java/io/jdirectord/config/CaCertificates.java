package io.jdirectord.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Optional;

/** The {@code cacert} file as TLS checks read it: one or more X.509 certificates, PEM or DER. */
final class CaCertificates {

    /** A CA bundle is tens of kilobytes; the system's whole store is under a megabyte. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private CaCertificates() {}

    /** Why TLS checks could not use {@code file} as their trust store; empty when they can. */
    static Optional<String> problem(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Optional.of("is larger than " + MAX_BYTES + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return CertificateFactory.getInstance("X.509")
                                .generateCertificates(in)
                                .isEmpty()
                        ? Optional.of("holds no certificate")
                        : Optional.empty();
            }
        } catch (CertificateException e) {
            return Optional.of("holds no certificate (" + e.getMessage() + ")");
        } catch (IOException e) {
            return Optional.of("cannot be read (" + e.getMessage() + ")");
        }
    }
}
