package io.jdirectord.config;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.testing.OpenSslPki;
import io.jdirectord.check.testing.OpenSslPki.ClientFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** clientcert and clientkey: read when the configuration is loaded, global and per virtual, with FILE:LINE problems. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientCertificateConfigTest {

    private static final String BLOCK = "virtual=192.0.2.10:443\n\treal=10.0.0.1 gate\n\tservice=https\n";

    @TempDir
    static Path pkiDir;

    private static ClientFiles ec;
    private static ClientFiles other;
    private static ClientFiles rsa;

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeAll
    static void makeCertificates() throws Exception {
        require(Files.isExecutable(OpenSslPki.OPENSSL), "openssl is installed");
        OpenSslPki pki = OpenSslPki.create(pkiDir, "www.example.test");
        ec = pki.clientCertificate("client-ec", "ec");
        other = pki.clientCertificate("client-other", "ec");
        rsa = pki.clientCertificate("client-rsa", "rsa");
    }

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    private static String pair(ClientFiles files) {
        return "clientcert=" + files.certificate() + "\nclientkey=" + files.key() + "\n";
    }

    private static String indented(ClientFiles files) {
        return "\tclientcert=\"" + files.certificate() + "\"\n\tclientkey=\"" + files.key() + "\"\n";
    }

    private Optional<ClientCertificate> clientCertificate(String text) {
        return fixture.only(text).check().tls().clientCertificate();
    }

    @Test
    void readsTheCertificateAndKeyGloballyAndPerVirtualTheVirtualWinning() {
        assertThat(clientCertificate(BLOCK)).isEmpty();
        assertThat(clientCertificate(pair(ec) + BLOCK).orElseThrow().certificateFile())
                .isEqualTo(ec.certificate());
        ClientCertificate own =
                clientCertificate(pair(ec) + BLOCK + indented(rsa)).orElseThrow();
        assertThat(own.certificateFile()).isEqualTo(rsa.certificate());
        assertThat(own.key().getAlgorithm()).isEqualTo("RSA");
        assertThat(own.chain().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=client-rsa");
    }

    @Test
    void presentsTheClientCertificateWithoutVerifyingTheServer() {
        TlsVerification tls = fixture.only(BLOCK + indented(ec)).check().tls();
        assertThat(tls.verify()).isFalse();
        assertThat(tls.clientCertificate()).isPresent();
    }

    @Test
    void refusesOneHalfWithoutTheOther() {
        assertThat(fixture.errors("clientcert=" + ec.certificate() + "\n" + BLOCK))
                .containsExactly("1: clientcert needs clientkey (the certificate's private key) beside it");
        assertThat(fixture.errors(BLOCK + "\tclientkey=" + ec.key() + "\n"))
                .containsExactly("4: clientkey needs clientcert (the key's certificate) beside it");
    }

    @Test
    void refusesAKeyOfAnotherCertificate() {
        assertThat(fixture.errors(BLOCK + "\tclientcert=" + ec.certificate() + "\n\tclientkey=" + other.key() + "\n"))
                .containsExactly("5: clientkey \"" + other.key() + "\" does not match the certificate in \""
                        + ec.certificate() + "\"");
        assertThat(fixture.errors(BLOCK + "\tclientcert=" + ec.certificate() + "\n\tclientkey=" + rsa.key() + "\n"))
                .singleElement()
                .asString()
                .startsWith("5: clientkey \"" + rsa.key() + "\" holds no EC key like the certificate's");
    }

    @Test
    void refusesFilesThatAreNotPem() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
        assertThat(fixture.errors(BLOCK + "\tclientcert=" + garbage + "\n\tclientkey=" + ec.key() + "\n"))
                .containsExactly("4: clientcert \"" + garbage + "\" holds no PEM certificate (BEGIN CERTIFICATE)");
        assertThat(fixture.errors(BLOCK + "\tclientcert=" + ec.certificate() + "\n\tclientkey=" + garbage + "\n"))
                .singleElement()
                .asString()
                .startsWith("5: clientkey \"" + garbage + "\" holds no PEM private key")
                .endsWith("openssl pkcs8 -topk8 -nocrypt -in KEY -out NEW-KEY converts it");
        Path missing = dir.resolve("missing.pem");
        assertThat(fixture.errors(BLOCK + "\tclientcert=" + missing + "\n\tclientkey=" + ec.key() + "\n"))
                .containsExactly("4: clientcert file does not exist: \"" + missing + "\"");
    }

    @Test
    void refusesAnEncryptedKeyNamingTheConversion() throws Exception {
        Path encrypted = dir.resolve("encrypted.key");
        OpenSslPki.openssl(
                dir,
                "pkcs8",
                "-topk8",
                "-in",
                ec.key().toString(),
                "-out",
                encrypted.toString(),
                "-passout",
                "pass:secret");
        assertThat(fixture.errors(BLOCK + "\tclientcert=" + ec.certificate() + "\n\tclientkey=" + encrypted + "\n"))
                .containsExactly("5: clientkey \"" + encrypted + "\" holds an encrypted key, which a daemon cannot"
                        + " unlock; openssl pkcs8 -topk8 -nocrypt -in KEY -out NEW-KEY converts it");
    }

    @Test
    void readsPkcs1RsaAndSec1EcKeys() throws Exception {
        Path pkcs1 = traditional(rsa.key(), "rsa1.key");
        Path sec1 = traditional(ec.key(), "sec1.key");
        assertThat(Files.readString(pkcs1)).contains("BEGIN RSA PRIVATE KEY");
        assertThat(Files.readString(sec1)).contains("BEGIN EC PRIVATE KEY");
        ClientCertificate fromPkcs1 = clientCertificate(
                        BLOCK + "\tclientcert=" + rsa.certificate() + "\n\tclientkey=" + pkcs1 + "\n")
                .orElseThrow();
        ClientCertificate fromSec1 = clientCertificate(
                        BLOCK + "\tclientcert=" + ec.certificate() + "\n\tclientkey=" + sec1 + "\n")
                .orElseThrow();
        assertThat(fromPkcs1.key().getEncoded())
                .isEqualTo(clientCertificate(BLOCK + indented(rsa))
                        .orElseThrow()
                        .key()
                        .getEncoded());
        assertThat(fromSec1.key().getAlgorithm()).isEqualTo("EC");
    }

    private Path traditional(Path key, String name) throws Exception {
        Path out = dir.resolve(name);
        OpenSslPki.openssl(dir, "pkey", "-in", key.toString(), "-traditional", "-out", out.toString());
        return out;
    }

    @Test
    void warnsWhenOthersCanReadTheKey() throws Exception {
        Path key = Files.copy(ec.key(), dir.resolve("readable.key"));
        String text = BLOCK + "\tclientcert=" + ec.certificate() + "\n\tclientkey=" + key + "\n";
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(fixture.warnings(text)).isEmpty();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(fixture.warnings(text))
                .containsExactly("5: clientkey \"" + key + "\" can be read by group or others;"
                        + " chmod 0600 (or 0640 with group jdirectord) is recommended");
    }

    @Test
    void warnsThatAnExpiredCertificateWillBeRefused() {
        Diagnostics diagnostics = new Diagnostics(dir.resolve("test.cf"));
        GlobalDraft global = new GlobalDraft();
        global.shared.clientCert = ec.certificate();
        global.shared.clientCertLine = 7;
        global.shared.clientKey = ec.key();
        global.shared.clientKeyLine = 8;
        Instant later = Instant.now().plus(Duration.ofDays(3));
        new ClientCertificateFiles(diagnostics, InstantSource.fixed(later)).read(global);
        assertThat(global.shared.clientCertificate).isNotNull();
        assertThat(diagnostics.errors()).isEmpty();
        assertThat(diagnostics.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.line()).isEqualTo(7))
                .satisfies(w -> assertThat(w.message())
                        .startsWith("clientcert \"" + ec.certificate() + "\" expired on ")
                        .endsWith("; servers that check it will refuse it"));
    }

    @Test
    void aReloadTakesNewContentsAndKeepsUnchangedOnes() throws Exception {
        Path certificate = Files.copy(ec.certificate(), dir.resolve("client.pem"));
        Path key = Files.copy(ec.key(), dir.resolve("client.key"));
        String text = BLOCK + "\tclientcert=" + certificate + "\n\tclientkey=" + key + "\n";
        TlsVerification first = fixture.only(text).check().tls();
        assertThat(fixture.only(text).check().tls()).isEqualTo(first).hasSameHashCodeAs(first);
        Files.copy(other.certificate(), certificate, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(other.key(), key, StandardCopyOption.REPLACE_EXISTING);
        TlsVerification reloaded = fixture.only(text).check().tls();
        assertThat(reloaded).isNotEqualTo(first);
        assertThat(reloaded.clientCertificate()
                        .orElseThrow()
                        .chain()
                        .get(0)
                        .getSubjectX500Principal()
                        .getName())
                .isEqualTo("CN=client-other");
    }

    @Test
    void theSummaryNamesTheFiles() {
        assertThat(ConfigSummary.format(fixture.parse(BLOCK + indented(ec))))
                .contains("\n  tls clientcert " + ec.certificate() + ", clientkey " + ec.key() + "\n");
    }

    @Test
    void neverShowsTheKeyInItsText() {
        ClientCertificate certificate = clientCertificate(BLOCK + indented(ec)).orElseThrow();
        assertThat(certificate.toString()).isEqualTo("clientcert " + ec.certificate() + ", clientkey " + ec.key());
    }
}
