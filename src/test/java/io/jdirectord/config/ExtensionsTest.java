package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.testing.TestCertificates;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** jdirectord's extension directives: what they set, their defaults and their errors. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExtensionsTest {

    private static final String BLOCK = "virtual=192.0.2.10:443\n\treal=10.0.0.1 gate\n";

    @TempDir
    Path dir;

    private Fixture fixture;
    private Path ca;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new Fixture(dir);
        ca = Files.copy(TestCertificates.get().caFile(), dir.resolve("ca.pem"));
    }

    @Test
    void readsRisecountGloballyAndPerVirtual() {
        assertThat(fixture.only("risecount=3\n" + BLOCK).timing().riseCount()).isEqualTo(3);
        assertThat(fixture.only("risecount=3\n" + BLOCK + "\trisecount=2\n")
                        .timing()
                        .riseCount())
                .isEqualTo(2);
    }

    @Test
    void readsDraintimeGloballyAndPerVirtualAndHasNoneByDefault() {
        assertThat(fixture.only(BLOCK).drainTime()).isEmpty();
        assertThat(fixture.only("draintime=300\n" + BLOCK).drainTime()).contains(Duration.ofSeconds(300));
        assertThat(fixture.only("draintime=300\n" + BLOCK + "\tdraintime=30\n").drainTime())
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void cacertImpliesCertificateVerification() {
        assertThat(fixture.only(BLOCK + "\tverifycert=yes\n").check().tls())
                .isEqualTo(new TlsVerification(true, Optional.empty()));
        assertThat(fixture.only(BLOCK + "\tcacert=\"" + ca + "\"\n").check().tls())
                .isEqualTo(new TlsVerification(true, Optional.of(ca)));
        assertThat(fixture.only("cacert=" + ca + "\n" + BLOCK).check().tls())
                .isEqualTo(new TlsVerification(true, Optional.of(ca)));
        assertThat(fixture.only("verifycert=yes\n" + BLOCK + "\tverifycert=no\n")
                        .check()
                        .tls())
                .isEqualTo(TlsVerification.OFF);
    }

    @Test
    void warnsThatCacertIsUnusedWithVerifycertNo() {
        assertThat(fixture.warnings(BLOCK + "\tcacert=" + ca + "\n\tverifycert=no\n"))
                .containsExactly("4: cacert is not used because verifycert=no");
    }

    @Test
    void readsMaxreceiveAndDynamicweight() {
        CheckSpec check = fixture.only("maxreceive=4096\n" + BLOCK + "\tdynamicweight=yes\n")
                .check();
        assertThat(check.maxReceiveBytes()).isEqualTo(4096);
        assertThat(check.dynamicWeight()).isTrue();
    }

    @Test
    void followsRedirectsUnlessFollowredirectsIsNoGloballyOrInTheBlock() {
        assertThat(fixture.only(BLOCK).check().followRedirects()).isTrue();
        assertThat(fixture.only("followredirects=no\n" + BLOCK).check().followRedirects())
                .isFalse();
        assertThat(fixture.only("followredirects=no\n" + BLOCK + "\tfollowredirects=yes\n")
                        .check()
                        .followRedirects())
                .isTrue();
        assertThat(fixture.errors(BLOCK + "\tfollowredirects=0\n"))
                .containsExactly("3: followredirects must be yes or no, not \"0\"");
    }

    @Test
    void speaksHttp11UnlessHttpversionIsTwo() {
        assertThat(fixture.only(BLOCK + "\tservice=https\n").check().httpVersion())
                .isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(fixture.only(BLOCK + "\tservice=https\n\thttpversion=2\n")
                        .check()
                        .httpVersion())
                .isEqualTo(HttpVersion.HTTP_2);
        assertThat(fixture.errors(BLOCK + "\thttpversion=3\n"))
                .containsExactly("3: httpversion must be 1.1 or 2, not \"3\"");
    }

    @Test
    void refusesHttpversionTwoForHttpProxyAndWarnsForOtherServices() {
        assertThat(fixture.errors(BLOCK + "\tservice=http_proxy\n\trequest=\"http://a.test/\"\n\thttpversion=2\n"))
                .containsExactly(
                        "5: httpversion=2 is for service http and https; http_proxy speaks HTTP/1.1 to the proxy");
        assertThat(fixture.warnings(BLOCK + "\tservice=smtp\n\thttpversion=2\n"))
                .containsExactly("4: httpversion only applies to service http and https; ignored for service smtp");
    }

    @Test
    void readsTheGrpcServicesWithTheirHealthServiceAsRequest() {
        VirtualService grpc = fixture.only(BLOCK + "\tservice=grpc\n\trequest=\"echo.Echo\"\n");
        assertThat(grpc.check().service()).isEqualTo(ServiceKind.GRPC);
        assertThat(grpc.check().request()).isEqualTo("/echo.Echo");
        assertThat(fixture.only(BLOCK + "\tservice=grpcs\n").check().service()).isEqualTo(ServiceKind.GRPCS);
    }

    @Test
    void readsSshkeyThatExists() throws Exception {
        Path key = Files.writeString(dir.resolve("id_ed25519"), "key");
        assertThat(fixture.only(BLOCK + "\tservice=ssh\n\tlogin=\"probe\"\n\tsshkey=\"" + key + "\"\n")
                        .check()
                        .sshKey())
                .contains(key);
    }

    @Test
    void rejectsAnSshkeyWithoutALogin() throws Exception {
        Path key = Files.writeString(dir.resolve("id_ed25519"), "key");
        assertThat(fixture.errors(BLOCK + "\tservice=ssh\n\tsshkey=\"" + key + "\"\n"))
                .singleElement()
                .asString()
                .endsWith(": sshkey needs a login to log in with (login=)");
    }

    @Test
    void readsGlobalOnlyExtensions() throws Exception {
        GlobalSettings g = fixture.parse("""
                repairinterval=0
                syncdaemon=master eth0 7
                syncdaemon = backup eth1
                ipvstimeouts=900 120 300
                statusaddress=127.0.0.1:9100
                """ + BLOCK).globals();
        assertThat(g.repairInterval()).isEqualTo(Duration.ZERO);
        assertThat(g.syncDaemons())
                .containsExactly(
                        new SyncDaemonSetting(SyncDaemonSetting.State.MASTER, "eth0", 7, 2),
                        new SyncDaemonSetting(SyncDaemonSetting.State.BACKUP, "eth1", 0, 3));
        assertThat(g.ipvsTimeouts())
                .contains(new IpvsTimeoutSetting(
                        Duration.ofSeconds(900), Duration.ofSeconds(120), Duration.ofSeconds(300)));
        assertThat(g.statusAddress()).contains(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 9100));
    }

    @Test
    void readsStatusaddressInIpv6AndByName() throws Exception {
        assertThat(fixture.parse("statusaddress=[::1]:9100\n" + BLOCK).globals().statusAddress())
                .contains(new InetSocketAddress(InetAddress.getByName("::1"), 9100));
        assertThat(fixture.parse("statusaddress=www.example.test:http\n" + BLOCK)
                        .globals()
                        .statusAddress())
                .contains(new InetSocketAddress(InetAddress.getByName("192.0.2.80"), 80));
    }

    @Test
    void readsAStatusaddressOfAPortAloneAsLoopback() throws Exception {
        assertThat(fixture.parse("statusaddress=9100\n" + BLOCK).globals().statusAddress())
                .contains(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 9100));
    }

    @Test
    void readsTrackfileAsAnAbsolutePathAndWarnsOfAMissingDirectory() throws Exception {
        assertThat(fixture.parse("trackfile=" + dir.resolve("jdirectord.track") + "\n" + BLOCK)
                        .globals()
                        .trackFile())
                .contains(dir.resolve("jdirectord.track"));
        assertThat(fixture.parse(BLOCK).globals().trackFile()).isEmpty();
        assertThat(fixture.parse("trackfile=/nonexistent/jdirectord.track\n" + BLOCK)
                        .warnings())
                .extracting(ConfigMessage::message)
                .containsExactly("the directory of trackfile \"/nonexistent/jdirectord.track\" does not exist");
    }

    static Stream<Arguments> invalidExtensions() {
        return Stream.of(
                Arguments.of("risecount=0", "risecount must be a whole number from 1 to 2147483647, not \"0\""),
                Arguments.of("risecount=2x", "risecount must be a whole number from 1 to 2147483647, not \"2x\""),
                Arguments.of("verifycert=maybe", "verifycert must be yes or no, not \"maybe\""),
                Arguments.of("cacert=\"/nonexistent/ca.pem\"", "cacert file does not exist: \"/nonexistent/ca.pem\""),
                Arguments.of("maxreceive=100", "maxreceive must be a whole number from 1024 to 4194304, not \"100\""),
                Arguments.of("dynamicweight=1", "dynamicweight must be yes or no, not \"1\""),
                Arguments.of("draintime=0", "draintime must be a whole number from 1 to 2147483647, not \"0\""),
                Arguments.of("draintime=5m", "draintime must be a whole number from 1 to 2147483647, not \"5m\""),
                Arguments.of(
                        "repairinterval=-1", "repairinterval must be a whole number from 0 to 2147483647, not \"-1\""),
                Arguments.of(
                        "syncdaemon=master", "syncdaemon must be master|backup INTERFACE [SYNCID], not \"master\""),
                Arguments.of(
                        "syncdaemon=primary eth0",
                        "syncdaemon must be master|backup INTERFACE [SYNCID]," + " not \"primary eth0\""),
                Arguments.of(
                        "syncdaemon=master eth0 300",
                        "syncdaemon SYNCID must be a whole number from 0 to 255," + " not \"300\""),
                Arguments.of(
                        "ipvstimeouts=900 120",
                        "ipvstimeouts must be three whole numbers of seconds" + " (TCP TCPFIN UDP), not \"900 120\""),
                Arguments.of("ipvstimeouts=1 2 99999999999", "ipvstimeouts is too large: \"1 2 99999999999\""),
                Arguments.of(
                        "statusaddress=127.0.0.1",
                        "statusaddress must be HOST:PORT, [IPV6]:PORT or PORT," + " not \"127.0.0.1\""),
                Arguments.of(
                        "trackfile=run/jdirectord.track",
                        "trackfile must be an absolute path," + " not \"run/jdirectord.track\""),
                Arguments.of("statusaddress=0", "invalid port \"0\" for the status address (1 to 65535)"),
                Arguments.of("statusaddress=127.0.0.1:0", "invalid port \"0\" for the status address (1 to 65535)"),
                Arguments.of(
                        "statusaddress=nohost.example.test:9100",
                        "cannot resolve \"nohost.example.test\" to an" + " IPv4 address for the status address"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExtensions")
    void rejectsInvalidExtensionNamingIt(String line, String expected) {
        assertThat(fixture.errors(line + "\n" + BLOCK)).containsExactly("1: " + expected);
    }

    @Test
    void rejectsAMissingSshkeyAndGlobalOnlyExtensionsInBlocks() {
        assertThat(fixture.errors(BLOCK + "\tsshkey=/nonexistent/key\n\trepairinterval=5\n"))
                .containsExactly(
                        "3: sshkey file does not exist: \"/nonexistent/key\"",
                        "4: Unknown directive \"repairinterval=5\" (repairinterval is only valid in the global section)");
    }

    @Test
    void rejectsTheSameSyncdaemonStateTwice() {
        assertThat(fixture.errors("syncdaemon=master eth0\nsyncdaemon=master eth1\n" + BLOCK))
                .containsExactly("2: syncdaemon master is given twice (also at line 1)");
    }
}
