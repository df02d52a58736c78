package io.jdirectord.checks.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throw-away OpenLDAP ({@code slapd -d 0}) serving ldap ({@link #port}) and ldaps ({@link #ldapsPort})
 * on 127.0.0.1 and ::1 from an mdb database loaded with slapadd: {@link #BASE}, ou=people and {@link #USER}
 * with {@link #PASSWORD}; anonymous reads, the password only for binds. The ldaps certificate is made with
 * openssl for ldap.test, 127.0.0.1 and ::1 ({@link #certificate}). Its files are in the directory given.
 */
public final class SlapdServer extends LoopbackServer {

    public static final String BINARY = "/usr/sbin/slapd";
    public static final String LOADER = "/usr/sbin/slapadd";
    public static final String OPENSSL = "/usr/bin/openssl";
    public static final String BASE = "dc=example,dc=com";
    public static final String USER = "uid=probe,ou=people," + BASE;
    public static final String PASSWORD = "s3cret";

    private final int ldapsPort;
    private final Path certificate;

    private SlapdServer(LocalDaemon daemon, int port, int ldapsPort, Path certificate) {
        super(daemon, port);
        this.ldapsPort = ldapsPort;
        this.certificate = certificate;
    }

    public static boolean installed() {
        return List.of(BINARY, LOADER, OPENSSL).stream().allMatch(program -> Files.isExecutable(Path.of(program)));
    }

    /** Makes a certificate and a database under {@code dir} and serves them on two free ports. */
    public static SlapdServer start(Path dir) throws IOException, InterruptedException {
        Path certificate = dir.resolve("cert.pem");
        prepare(
                List.of(
                        OPENSSL,
                        "req",
                        "-x509",
                        "-newkey",
                        "ec",
                        "-pkeyopt",
                        "ec_paramgen_curve:prime256v1",
                        "-nodes",
                        "-days",
                        "2",
                        "-subj",
                        "/CN=ldap.test",
                        "-addext",
                        "subjectAltName=DNS:ldap.test,IP:127.0.0.1,IP:::1",
                        "-keyout",
                        dir.resolve("key.pem").toString(),
                        "-out",
                        certificate.toString()),
                dir.resolve("openssl.log"));
        Files.createDirectories(dir.resolve("db"));
        Path config = Files.writeString(dir.resolve("slapd.conf"), configuration(dir));
        Path data = Files.writeString(dir.resolve("data.ldif"), DATA);
        prepare(List.of(LOADER, "-f", config.toString(), "-l", data.toString()), dir.resolve("slapadd.log"));
        int ldap = LocalDaemon.freePort();
        int ldaps = LocalDaemon.freePort();
        String urls = "ldap://127.0.0.1:" + ldap + "/ ldap://[::1]:" + ldap + "/ ldaps://127.0.0.1:" + ldaps
                + "/ ldaps://[::1]:" + ldaps + "/";
        LocalDaemon daemon = LocalDaemon.start(
                "slapd", List.of(BINARY, "-d", "0", "-h", urls, "-f", config.toString()), dir.resolve("slapd.log"));
        SlapdServer server = new SlapdServer(daemon, ldap, ldaps, certificate);
        server.awaitBothFamilies();
        daemon.awaitListening(InetAddress.getByName("127.0.0.1"), ldaps);
        daemon.awaitListening(InetAddress.getByName("::1"), ldaps);
        return server;
    }

    public int ldapsPort() {
        return ldapsPort;
    }

    /** The ldaps certificate (PEM), self-signed: a CA file for verifying it. */
    public Path certificate() {
        return certificate;
    }

    private static String configuration(Path dir) {
        return String.join(
                        "\n",
                        "include /etc/ldap/schema/core.schema",
                        "include /etc/ldap/schema/cosine.schema",
                        "include /etc/ldap/schema/inetorgperson.schema",
                        "pidfile " + dir.resolve("slapd.pid"),
                        "modulepath /usr/lib/ldap",
                        "moduleload back_mdb",
                        "TLSCertificateFile " + dir.resolve("cert.pem"),
                        "TLSCertificateKeyFile " + dir.resolve("key.pem"),
                        "database mdb",
                        "maxsize 10485760",
                        "suffix \"" + BASE + "\"",
                        "directory " + dir.resolve("db"),
                        "access to attrs=userPassword by anonymous auth by * none",
                        "access to * by * read")
                + "\n";
    }

    private static final String DATA = """
            dn: dc=example,dc=com
            objectClass: dcObject
            objectClass: organization
            dc: example
            o: Example

            dn: ou=people,dc=example,dc=com
            objectClass: organizationalUnit
            ou: people

            dn: uid=probe,ou=people,dc=example,dc=com
            objectClass: inetOrgPerson
            uid: probe
            cn: Probe
            sn: Probe
            userPassword: s3cret
            """;
}
