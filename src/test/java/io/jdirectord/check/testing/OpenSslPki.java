package io.jdirectord.check.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test certificates made with the openssl command: a CA, a server certificate it signs for one DNS
 * name, and an unrelated self-signed server certificate. Keys are EC P-256; everything lives in {@code dir}.
 *
 * @param caCertificate     the CA certificate (PEM), usable as a cacert file
 * @param signedCertificate the CA-signed server certificate (PEM) with SAN = the DNS name
 * @param signedKey         its key
 * @param selfCertificate   the self-signed server certificate (PEM)
 * @param selfKey           its key
 */
public record OpenSslPki(
        Path caCertificate, Path signedCertificate, Path signedKey, Path selfCertificate, Path selfKey) {

    public static final Path OPENSSL = Path.of("/usr/bin/openssl");

    private static final char[] STORE_PASSWORD = "test-only".toCharArray();

    public static OpenSslPki create(Path dir, String dnsName) throws IOException, InterruptedException {
        Path caKey = dir.resolve("ca.key");
        Path ca = dir.resolve("ca.pem");
        openssl(
                dir,
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                caKey.toString(),
                "-out",
                ca.toString(),
                "-days",
                "2",
                "-subj",
                "/CN=jdirectord test CA");
        Path key = dir.resolve("server.key");
        Path csr = dir.resolve("server.csr");
        Path signed = dir.resolve("server.pem");
        Path extensions = dir.resolve("server.ext");
        Files.writeString(extensions, "subjectAltName=DNS:" + dnsName + "\n");
        openssl(
                dir,
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                csr.toString(),
                "-subj",
                "/CN=" + dnsName);
        openssl(
                dir,
                "x509",
                "-req",
                "-in",
                csr.toString(),
                "-CA",
                ca.toString(),
                "-CAkey",
                caKey.toString(),
                "-CAcreateserial",
                "-out",
                signed.toString(),
                "-days",
                "2",
                "-extfile",
                extensions.toString());
        Path selfKey = dir.resolve("self.key");
        Path self = dir.resolve("self.pem");
        openssl(
                dir,
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                selfKey.toString(),
                "-out",
                self.toString(),
                "-days",
                "2",
                "-subj",
                "/CN=" + dnsName,
                "-addext",
                "subjectAltName=DNS:" + dnsName);
        return new OpenSslPki(ca, signed, key, self, selfKey);
    }

    /**
     * A TLS server context presenting the CA-signed server certificate and trusting the client certificates
     * this CA signs.
     */
    public SSLContext serverContext() throws IOException, InterruptedException, GeneralSecurityException {
        Path dir = caCertificate.getParent();
        Path store = dir.resolve("server.p12");
        openssl(
                dir,
                "pkcs12",
                "-export",
                "-in",
                signedCertificate.toString(),
                "-inkey",
                signedKey.toString(),
                "-out",
                store.toString(),
                "-passout",
                "pass:" + new String(STORE_PASSWORD));
        KeyStore identity = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            identity.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity, STORE_PASSWORD);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            trusted.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /**
     * A client certificate for {@code CN=name} signed by this CA (extended key usage clientAuth), with its
     * PKCS#8 key, made beside the CA's files.
     *
     * @param keyAlgorithm "ec" (P-256) or "rsa" (2048 bits)
     */
    public ClientFiles clientCertificate(String name, String keyAlgorithm) throws IOException, InterruptedException {
        Path dir = caCertificate.getParent();
        Path key = dir.resolve(name + ".key");
        Path csr = dir.resolve(name + ".csr");
        Path certificate = dir.resolve(name + ".pem");
        Path extensions = dir.resolve(name + ".ext");
        Files.writeString(extensions, "extendedKeyUsage=clientAuth\n");
        List<String> request = new ArrayList<>(List.of("req", "-newkey"));
        request.addAll(
                keyAlgorithm.equals("rsa")
                        ? List.of("rsa:2048")
                        : List.of("ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"));
        request.addAll(List.of("-nodes", "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=" + name));
        openssl(dir, request.toArray(String[]::new));
        openssl(
                dir,
                "x509",
                "-req",
                "-in",
                csr.toString(),
                "-CA",
                caCertificate.toString(),
                "-CAkey",
                dir.resolve("ca.key").toString(),
                "-CAcreateserial",
                "-out",
                certificate.toString(),
                "-days",
                "2",
                "-extfile",
                extensions.toString());
        return new ClientFiles(certificate, key);
    }

    /**
     * A client's certificate and its key.
     *
     * @param certificate PEM certificate
     * @param key         PEM private key, PKCS#8
     */
    public record ClientFiles(Path certificate, Path key) {}

    /** Runs openssl in {@code dir}; fails with its output when it fails. */
    public static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(OPENSSL.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: " + output);
        }
    }
}
