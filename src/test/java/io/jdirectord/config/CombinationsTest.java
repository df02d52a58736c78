package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Combinations that cannot work (errors) or probably do not do what was meant (warnings), and all errors at once. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CombinationsTest {

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    @ParameterizedTest(name = "service={0}")
    @ValueSource(
            strings = {
                "http",
                "https",
                "http_proxy",
                "ftp",
                "smtp",
                "submission",
                "pop",
                "pops",
                "imap",
                "imaps",
                "nntp",
                "ldap",
                "ldaps",
                "mysql",
                "pgsql",
                "oracle",
                "ssh"
            })
    void rejectsNegotiateCheckOfTcpOnlyServiceOnUdp(String service) {
        assertThat(fixture.errors("virtual=192.0.2.10:9000\n\treal=10.0.0.1 gate\n\tprotocol=udp\n\tservice=" + service
                        + "\n" + CREDENTIALS))
                .containsExactly("4: a negotiate check of " + service + " cannot run over udp (" + service
                        + " is a TCP service); use protocol=tcp, another service, or checktype=connect or ping");
    }

    @ParameterizedTest(name = "service={0}")
    @ValueSource(strings = {"dns", "sip", "radius", "simpletcp", "none"})
    void acceptsNegotiateCheckOfUdpCapableServiceOnUdp(String service) {
        assertThat(fixture.only("virtual=192.0.2.10:9000\n\treal=10.0.0.1 gate\n\tprotocol=udp\n\tservice=" + service
                                + "\n" + CREDENTIALS)
                        .check()
                        .protocol())
                .isEqualTo(Protocol.UDP);
    }

    /** What the sql and radius checks need (see NegotiateRequirementsTest). */
    private static final String CREDENTIALS =
            Fixture.block("login=\"probe\"", "passwd=\"x\"", "secret=\"s\"", "request=\"SELECT 1\"");

    @Test
    void reportsTheVirtualLineWhenTheTcpOnlyServiceComesFromThePort() {
        assertThat(fixture.errors("virtual=192.0.2.10:80\n\treal=10.0.0.1 gate\n\tprotocol=udp\n\tchecktype=2\n"))
                .containsExactly("1: a negotiate check of http cannot run over udp (http is a TCP service);"
                        + " use protocol=tcp, another service, or checktype=connect or ping");
    }

    @Test
    void acceptsConnectCheckOfTcpServiceOnUdp() {
        assertThat(fixture.only("virtual=192.0.2.10:80\n\treal=10.0.0.1 gate\n\tprotocol=udp\n\tchecktype=connect\n")
                        .check()
                        .type())
                .isEqualTo(CheckType.CONNECT);
    }

    @Test
    void rejectsExternalCheckWithoutCheckcommand() {
        assertThat(fixture.errors("virtual=192.0.2.10:80\n\treal=10.0.0.1 gate\n\tchecktype=external\n"))
                .containsExactly("3: checktype=external needs a checkcommand (ldirectord would run /bin/true and"
                        + " always report the servers up)");
    }

    @Test
    void warnsWhenTheCheckcommandIsMissingOrNotExecutable() throws Exception {
        Path script = Files.writeString(dir.resolve("check.sh"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        String head = "virtual=192.0.2.10:80\n\treal=10.0.0.1 gate\n\tchecktype=external\n";
        assertThat(fixture.warnings(head + "\tcheckcommand=\"" + dir + "/missing.sh\"\n"))
                .containsExactly("4: checkcommand \"" + dir + "/missing.sh\" does not exist; the check will fail");
        assertThat(fixture.warnings(head + "\tcheckcommand=" + script + "\n"))
                .containsExactly("4: checkcommand \"" + script + "\" is not executable; the check will fail");
        assertThat(fixture.warnings(head.replace("external", "external-perl") + "\tcheckcommand=" + script + "\n"))
                .isEmpty();
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(fixture.only(head + "\tcheckcommand=" + script + "\n")
                        .check()
                        .checkCommand())
                .isEqualTo(script.toString());
        assertThat(fixture.warnings(head + "\tcheckcommand=check-in-path\n")).isEmpty();
    }

    @Test
    void rejectsAMasqRealWithAPortOnAFirewallMarkService() {
        assertThat(fixture.errors("virtual=7\n\treal=10.0.0.1:8080 masq\n\treal=10.0.0.2 masq\n"))
                .containsExactly(
                        "2: masq real server 10.0.0.1:8080 on firewall-mark service 7: every marked connection, whatever its"
                                + " port, would be sent to port 8080 (leave the port out to keep each connection's port;"
                                + " checkport= sets the check port)");
    }

    @Test
    void warnsThatGateCannotChangeThePort() {
        assertThat(fixture.warnings("virtual=192.0.2.10:80\n\treal=10.0.0.1:8080 gate\n\treal=10.0.0.2:8080 masq\n"
                        + "\treal=10.0.0.3:80 ipip\n"))
                .containsExactly("2: real server 10.0.0.1:8080 uses gate: LVS sends it"
                        + " the traffic on port 80 (only masq changes the port); port 8080 is only used for the check");
    }

    @Test
    void warnsAboutNetmaskWithoutPersistentAndOpsOnTcp() {
        assertThat(fixture.warnings(
                        "virtual=192.0.2.10:80\n\treal=10.0.0.1 gate\n\tnetmask=255.255.255.0\n" + "\tops=yes\n"))
                .containsExactly(
                        "3: netmask has no effect without persistent (ldirectord ignores it too)",
                        "4: ops=yes only applies to udp services; ignored for tcp:192.0.2.10:80");
    }

    @Test
    void warnsWhenTheLowerThresholdIsNotBelowTheUpper() {
        assertThat(fixture.warnings("virtual=192.0.2.10:80\n\treal=10.0.0.1 gate l:50 u:50\n"))
                .containsExactly("2: real server 10.0.0.1:0: l:50 is not below u:50");
    }

    @Test
    void warnsWhenACheckHasNoPortToProbe() {
        assertThat(fixture.warnings("virtual=7\n\treal=10.0.0.1 gate\n\tchecktype=connect\n"))
                .containsExactly(
                        "1: the connect check has no port for real servers written without one (service none has no"
                                + " well-known port); set checkport=");
        assertThat(fixture.warnings("virtual=7\n\treal=10.0.0.1 gate\n\tchecktype=connect\n\tcheckport=22\n"))
                .isEmpty();
        assertThat(fixture.warnings("virtual=7\n\treal=10.0.0.1 gate\n\tservice=http\n"))
                .isEmpty();
        assertThat(fixture.warnings("virtual=7\n\treal=10.0.0.1 gate\n")).isEmpty();
    }

    @Test
    void acceptsPingChecksOnIpv6() {
        assertThat(fixture.only("virtual6=[2001:db8::5]:80\n\treal6=[2001:db8::7] gate\n\tchecktype=ping\n")
                        .check()
                        .type())
                .isEqualTo(CheckType.PING);
    }

    @Test
    void warnsWhenAFileWithCredentialsIsReadableByOthers() throws Exception {
        String text = "virtual=192.0.2.10:21\n\treal=10.0.0.1 masq\n\tservice=ftp\n\tpasswd=\"secret\"\n";
        assertThat(fixture.warnings(text)).isEmpty();
        Path file = fixture.write(text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Config config = new ConfigParser(new TableResolver()).parse(file);
        assertThat(config.warnings())
                .extracting(m -> m.line() + ": " + m.message())
                .containsExactly(
                        "4: the file holds credentials (passwd) and can be read by group or others; chmod 0600 (or 0640 with group jdirectord) is recommended");
    }

    @Test
    void reportsEveryErrorOfTheFileInLineOrder() {
        assertThat(fixture.errors("""
                checktimeout=abc
                foo=1
                virtual=192.0.2.10:80
                \treal=10.0.0.1:80 gate garbage 5
                \treal=10.0.0.300:80 gate
                \tscheduler=Foo1
                \tquiescent=perhaps
                virtual=192.0.2.10:99999
                \treal=[::1]:80 gate
                virtual6=[2001:db8::1]:80
                \treal=10.0.0.1 gate
                fork=maybe
                """))
                .containsExactly(
                        "1: checktimeout must be a positive whole number of seconds, not \"abc\"",
                        "2: Unknown directive \"foo=1\"",
                        "4: real server: cannot understand \"garbage 5\" (expected [WEIGHT] [\"REQUEST\" \"RECEIVE\"] [l:N] [u:N]"
                                + " after the forwarding method)",
                        "5: invalid IPv4 address \"10.0.0.300\" for real server",
                        "6: scheduler must be a scheduler name such as rr, wrr or wlc, not \"Foo1\"",
                        "7: quiescent must be yes or no, not \"perhaps\"",
                        "8: invalid port \"99999\" for virtual service (1 to 65535)",
                        "9: IPv6 address \"[::1]\" in real=; use real6= (in a virtual6 block)",
                        "11: cannot specify \"real\" in a virtual6 block; please use \"real6\" instead",
                        "12: fork must be yes or no, not \"maybe\"");
    }

    @Test
    void warnsThatADnsCheckWithoutReceiveReportsItsServersDown() {
        assertThat(fixture.warnings("virtual=192.0.2.10:53\n\treal=10.0.0.1:53 gate\n"
                        + "\treal=10.0.0.2:53 gate \"/www.example.test\",\"192.0.2.1\"\n\tservice=dns\n"
                        + "\trequest=\"www.example.test\"\n"))
                .containsExactly(
                        "1: service=dns needs receive= (the address or"
                                + " name the answer must hold): without it the real servers are reported down, as in ldirectord");
        assertThat(fixture.warnings("virtual=192.0.2.10:53\n\treal=10.0.0.1:53 gate\n\tservice=dns\n"
                        + "\trequest=\"www.example.test\"\n\treceive=\"192.0.2.1\"\n"))
                .isEmpty();
    }
}
