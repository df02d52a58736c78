package io.jdirectord.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code clientcert} and {@code clientkey} of the global section and of each virtual block when the
 * configuration is loaded, so that no probe parses a key: both or neither in a section, a PEM certificate
 * (the chain may follow it), a private key that belongs to it. Problems are FILE:LINE errors; an expired
 * certificate and a key file others can read are warnings (the server decides what it accepts).
 */
final class ClientCertificateFiles {

    /** A certificate chain or a key is a few kilobytes. */
    static final long MAX_BYTES = 1024 * 1024;

    private static final byte[] SIGNED = "jdirectord client key check".getBytes(StandardCharsets.US_ASCII);

    private final Diagnostics diagnostics;
    private final InstantSource clock;

    ClientCertificateFiles(Diagnostics diagnostics, InstantSource clock) {
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    /** Sets {@code clientCertificate} of every section whose files are usable. */
    void read(GlobalDraft global) {
        read(global.shared);
        global.virtuals.forEach(v -> read(v.shared));
    }

    private void read(SharedDraft s) {
        if (s.clientCertLine == null && s.clientKeyLine == null) {
            return;
        }
        if (s.clientKeyLine == null) {
            diagnostics.error(s.clientCertLine, "clientcert needs clientkey (the certificate's private key) beside it");
        } else if (s.clientCertLine == null) {
            diagnostics.error(s.clientKeyLine, "clientkey needs clientcert (the key's certificate) beside it");
        } else if (s.clientCert != null && s.clientKey != null) {
            Path certificateFile = s.clientCert;
            Path keyFile = s.clientKey;
            int keyLine = s.clientKeyLine;
            warnWhenOthersCanRead(keyFile, keyLine);
            Optional<List<X509Certificate>> chain = chain(certificateFile, s.clientCertLine);
            chain.flatMap(c -> key(keyFile, keyLine, c.get(0).getPublicKey(), certificateFile))
                    .ifPresent(key ->
                            s.clientCertificate = new ClientCertificate(certificateFile, keyFile, chain.get(), key));
        }
    }

    private Optional<List<X509Certificate>> chain(Path file, int line) {
        Optional<String> text = text("clientcert", file, line);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.get().contains("-----BEGIN CERTIFICATE-----")) {
            return fail(line, "clientcert", file, "holds no PEM certificate (BEGIN CERTIFICATE)");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.get().getBytes(StandardCharsets.ISO_8859_1)))
                    .forEach(c -> chain.add((X509Certificate) c));
        } catch (CertificateException e) {
            return fail(line, "clientcert", file, "holds no readable certificate (" + e.getMessage() + ")");
        }
        if (chain.isEmpty()) {
            return fail(line, "clientcert", file, "holds no certificate");
        }
        warnWhenOutOfDate(chain.get(0), file, line);
        return Optional.of(chain);
    }

    private Optional<PrivateKey> key(Path file, int line, PublicKey certificate, Path certificateFile) {
        Optional<String> text = text("clientkey", file, line);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            PrivateKey key = PemPrivateKey.read(text.get(), certificate);
            if (!belongTogether(key, certificate)) {
                return fail(
                        line,
                        "clientkey",
                        file,
                        "does not match the certificate in " + Texts.quote(certificateFile.toString()));
            }
            return Optional.of(key);
        } catch (IllegalArgumentException e) {
            return fail(line, "clientkey", file, String.valueOf(e.getMessage()));
        }
    }

    /** Whether what the key signs the certificate's public key verifies (RSA, EC, DSA, EdDSA). */
    private static boolean belongTogether(PrivateKey key, PublicKey certificate) {
        String algorithm = switch (certificate.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> certificate.getAlgorithm();
        };
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(SIGNED);
            byte[] signed = signature.sign();
            signature.initVerify(certificate);
            signature.update(SIGNED);
            return signature.verify(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot be tried against the certificate's " + certificate.getAlgorithm() + " key ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    /** The server decides whether it accepts an expired certificate; the operator is told. */
    private void warnWhenOutOfDate(X509Certificate certificate, Path file, int line) {
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException e) {
            diagnostics.warn(
                    line,
                    "clientcert " + Texts.quote(file.toString()) + " expired on "
                            + certificate.getNotAfter().toInstant() + "; servers that check it will refuse it");
        } catch (CertificateNotYetValidException e) {
            diagnostics.warn(
                    line,
                    "clientcert " + Texts.quote(file.toString()) + " is not valid before "
                            + certificate.getNotBefore().toInstant() + "; servers that check it will refuse it");
        }
    }

    /** As for the credentials in the configuration file itself ({@link ConfigValidator#credentials}). */
    private void warnWhenOthersCanRead(Path keyFile, int line) {
        if (ConfigValidator.readableByOthers(keyFile)) {
            diagnostics.warn(
                    line,
                    "clientkey " + Texts.quote(keyFile.toString()) + " can be read by group or others;"
                            + " chmod 0600 (or 0640 with group " + ConfigValidator.SERVICE_GROUP
                            + ") is recommended");
        }
    }

    private Optional<String> text(String directive, Path file, int line) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return fail(line, directive, file, "is larger than " + MAX_BYTES + " bytes");
            }
            return Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return fail(line, directive, file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private <T> Optional<T> fail(int line, String directive, Path file, String problem) {
        return diagnostics.reject(line, directive + " " + Texts.quote(file.toString()) + " " + problem);
    }
}
