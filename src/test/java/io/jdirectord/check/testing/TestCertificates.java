package io.jdirectord.check.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for "mail.test", 127.0.0.1 and ::1, made once per test run with the JDK's
 * keytool: its PEM file serves as a CA file, its key store as a TLS server's identity.
 */
public final class TestCertificates {

    /** The DNS name the certificate carries. */
    public static final String HOST_NAME = "mail.test";

    private static final char[] PASSWORD = "test-only".toCharArray();

    private final Path keyStore;
    private final Path pem;

    private TestCertificates(Path directory) throws IOException, InterruptedException {
        this.keyStore = directory.resolve("server.p12");
        this.pem = directory.resolve("ca.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + HOST_NAME,
                "-ext",
                "san=dns:" + HOST_NAME + ",ip:127.0.0.1,ip:::1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                new String(PASSWORD));
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                new String(PASSWORD),
                "-file",
                pem.toString());
        keyStore.toFile().deleteOnExit();
        pem.toFile().deleteOnExit();
    }

    /** Made when first asked for (class initialisation runs once, whatever the threads). */
    private static final class Holder {
        static final TestCertificates INSTANCE = create();
    }

    /** The certificates, made on first use in a fresh temporary directory. */
    public static TestCertificates get() {
        return Holder.INSTANCE;
    }

    private static TestCertificates create() {
        try {
            Path directory = Files.createTempDirectory("jdirectord-certs");
            directory.toFile().deleteOnExit();
            return new TestCertificates(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The certificate in PEM form, usable as a CA file. */
    public Path caFile() {
        return pem;
    }

    /** A TLS context serving the certificate. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
