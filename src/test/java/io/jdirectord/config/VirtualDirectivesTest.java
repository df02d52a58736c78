package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every directive of a virtual block as ldirectord takes it: defaults, valid values, the error for invalid ones. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VirtualDirectivesTest {

    private static final String HEAD = "virtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n";

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    private VirtualService with(String... lines) {
        return fixture.only(HEAD + Fixture.block(lines));
    }

    @Test
    void appliesLdirectordDefaultsToABareBlock() {
        VirtualService v = fixture.only(HEAD);
        assertThat(v.scheduler()).isEqualTo("wrr");
        assertThat(v.persistence()).isEmpty();
        assertThat(v.schedFlags()).isEmpty();
        assertThat(v.onePacket()).isFalse();
        assertThat(v.monitorFile()).isEmpty();
        assertThat(v.serviceName()).isEmpty();
        assertThat(v.comment()).isEmpty();
        CheckSpec c = v.check();
        assertThat(c.type()).isEqualTo(CheckType.NEGOTIATE);
        assertThat(c.hybridConnects()).isZero();
        assertThat(c.service()).isEqualTo(ServiceKind.HTTP);
        assertThat(c.protocol()).isEqualTo(Protocol.TCP);
        assertThat(c.request()).isEqualTo("/");
        assertThat(c.receive()).isEmpty();
        assertThat(c.httpMethod()).isEqualTo(HttpMethod.GET);
        assertThat(c.virtualHost()).isEmpty();
        assertThat(c.login()).isEmpty();
        assertThat(c.passwd()).isEmpty();
        assertThat(c.database()).isEmpty();
        assertThat(c.secret()).isEmpty();
        assertThat(c.checkCommand()).isEqualTo("/bin/true");
        assertThat(c.checkPort()).isEmpty();
        assertThat(c.tls()).isEqualTo(TlsVerification.OFF);
        assertThat(c.maxReceiveBytes()).isEqualTo(65536);
        assertThat(c.dynamicWeight()).isFalse();
        assertThat(c.sshKey()).isEmpty();
    }

    @Test
    void readsCheckDirectives() {
        CheckSpec c = with(
                        "checktype=connect",
                        "service=https",
                        "request=\"health\"",
                        "receive=\"OK\"",
                        "httpmethod=head",
                        "virtualhost=\"www.example.test\"",
                        "login=\"user\"",
                        "passwd=\"pw\"",
                        "database=\"db\"",
                        "secret=\"s\"",
                        "checkport=8443")
                .check();
        assertThat(c.type()).isEqualTo(CheckType.CONNECT);
        assertThat(c.service()).isEqualTo(ServiceKind.HTTPS);
        assertThat(c.request()).isEqualTo("/health");
        assertThat(c.receive()).isEqualTo("OK");
        assertThat(c.httpMethod()).isEqualTo(HttpMethod.HEAD);
        assertThat(c.virtualHost()).contains("www.example.test");
        assertThat(c.login()).isEqualTo("user");
        assertThat(c.passwd()).isEqualTo("pw");
        assertThat(c.database()).isEqualTo("db");
        assertThat(c.secret()).isEqualTo("s");
        assertThat(c.checkPort()).isEqualTo(OptionalInt.of(8443));
    }

    @ParameterizedTest(name = "checktype={0}")
    @CsvSource({
        "connect,CONNECT,0",
        "negotiate,NEGOTIATE,0",
        "ping,PING,0",
        "off,OFF,0",
        "on,ON,0",
        "external,EXTERNAL,0",
        "external-perl,EXTERNAL_PERL,0",
        "3,COMBINED,3"
    })
    void readsEveryChecktype(String value, CheckType type, int connects) {
        CheckSpec c = with("checktype=" + value, "checkcommand=/bin/true").check();
        assertThat(c.type()).isEqualTo(type);
        assertThat(c.hybridConnects()).isEqualTo(connects);
    }

    @Test
    void readsAnyChecktypeWithANumberAsCombinedWithWarning() {
        String text = HEAD + "\tchecktype=checktimeout3\n";
        assertThat(fixture.only(text).check().hybridConnects()).isEqualTo(3);
        assertThat(fixture.warnings(text))
                .containsExactly("3: checktype=checktimeout3 read as checktype=3"
                        + " (ldirectord makes any value with a number a combined check)");
    }

    @Test
    void warnsThatChecktypeZeroNegotiatesEveryTime() {
        assertThat(fixture.warnings(HEAD + "\tchecktype=0\n"))
                .containsExactly("3: checktype=0 negotiates at every check, like checktype=negotiate");
    }

    @Test
    void ignoresTextAfterTheChecktypeWordWithWarning() {
        String text = HEAD + "\tchecktype=connect please\n";
        assertThat(fixture.only(text).check().type()).isEqualTo(CheckType.CONNECT);
        assertThat(fixture.warnings(text)).containsExactly("3: text after checktype=connect ignored: \"please\"");
    }

    @ParameterizedTest(name = "service={0}")
    @CsvSource({
        "dns,53",
        "ftp,21",
        "http,80",
        "https,443",
        "http_proxy,3128",
        "imap,143",
        "imaps,993",
        "ldap,389",
        "ldaps,636",
        "nntp,119",
        "mysql,3306",
        "none,0",
        "oracle,1521",
        "pop,110",
        "pops,995",
        "radius,1812",
        "pgsql,5432",
        "sip,5060",
        "smtp,25",
        "submission,587",
        "simpletcp,0",
        "ssh,22"
    })
    void readsEveryServiceName(String name, int wellKnownPort) {
        ServiceKind service = with(
                        "service=" + name, "login=\"probe\"", "passwd=\"x\"", "secret=\"s\"", "request=\"SELECT 1\"")
                .check()
                .service();
        assertThat(service.ldName()).isEqualTo(name);
        assertThat(service.wellKnownPort()).isEqualTo(wellKnownPort);
    }

    @Test
    void serviceFtpSetsAnonymousLoginWhenNoneGiven() {
        CheckSpec c = with("service=ftp").check();
        assertThat(c.login()).isEqualTo("anonymous");
        assertThat(c.passwd()).isEqualTo("jdirectord@lb1");
        CheckSpec own = with("login=\"me\"", "service=ftp", "passwd=\"pw\"").check();
        assertThat(own.login()).isEqualTo("me");
        assertThat(own.passwd()).isEqualTo("pw");
    }

    @Test
    void serviceSipSetsALoginWhenNoneGiven() {
        assertThat(with("service=sip").check().login()).isEqualTo("jdirectord@lb1");
    }

    @Test
    void serviceDerivedFromThePortHasNoLoginDefaults() {
        VirtualService v = fixture.only("virtual=192.0.2.10:21\n\treal=10.0.0.1:21 masq\n");
        assertThat(v.check().service()).isEqualTo(ServiceKind.FTP);
        assertThat(v.check().login()).isEmpty();
    }

    @Test
    void keepsRequestWithLeadingSlash() {
        assertThat(with("request=\"/a/b\"").check().request()).isEqualTo("/a/b");
    }

    @Test
    void acceptsUnquotedRequestWithWarning() {
        String text = HEAD + "\trequest=index.html\n";
        assertThat(fixture.only(text).check().request()).isEqualTo("/index.html");
        assertThat(fixture.warnings(text))
                .containsExactly(
                        "3: request value should be in double quotes: \"request=index.html\" (ldirectord rejects it without them)");
    }

    @Test
    void takesQuotedValueUpToTheLastQuoteAsLdirectord() {
        String text = HEAD + "\treceive=\"say \"hi\"\" trailing\n";
        assertThat(fixture.only(text).check().receive()).isEqualTo("say \"hi\"");
        assertThat(fixture.warnings(text)).containsExactly("3: text after the closing quote ignored: \"trailing\"");
    }

    @Test
    void readsSchedulingDirectives() {
        VirtualService v = with(
                "scheduler=sh",
                "persistent=600",
                "netmask=255.255.255.0",
                "schedflags=sh-fallback,sh-port",
                "protocol=udp",
                "ops=yes",
                "service=dns");
        assertThat(v.scheduler()).isEqualTo("sh");
        assertThat(v.persistence()).contains(new Persistence(600, OptionalInt.of(0xffffff00)));
        assertThat(v.schedFlags()).contains("sh-fallback,sh-port");
        assertThat(v.key().protocol()).isEqualTo(Protocol.UDP);
        assertThat(v.onePacket()).isTrue();
    }

    @Test
    void readsIpv6NetmaskAsPrefixLength() {
        VirtualService v = fixture.only(
                "virtual6=[2001:db8::5]:80\n\treal6=[2001:db8::7]:80 gate\n" + "\tpersistent=300\n\tnetmask=64\n");
        assertThat(v.persistence()).contains(new Persistence(300, OptionalInt.of(64)));
    }

    @Test
    void rejectsIpv6NetmaskOutsideOneTo128() {
        String head = "virtual6=[2001:db8::5]:80\n\treal6=[2001:db8::7]:80 gate\n\tpersistent=300\n";
        assertThat(fixture.errors(head + "\tnetmask=0\n\tnetmask=129\n\tnetmask=255.255.255.0\n"))
                .containsExactly(
                        "4: netmask must be a whole number from 1 to 128, not \"0\"",
                        "5: netmask must be a whole number from 1 to 128, not \"129\"",
                        "6: netmask must be a whole number from 1 to 128, not \"255.255.255.0\"");
    }

    @Test
    void rejectsBareDirectivesNamingTheScope() {
        assertThat(fixture.errors(HEAD + "\tscheduler\n\tautoreload\n"))
                .containsExactly(
                        "3: scheduler needs a value: scheduler = ...",
                        "4: Unknown directive \"autoreload\" (autoreload is only valid in the global section)");
    }

    @Test
    void suggestsTheNearestBlockDirectiveForAMisspeltOne() {
        assertThat(fixture.errors(HEAD + "\tschedular=wrr\n\tchekctype=negotiate\n\tchecktimeuot=3\n"))
                .containsExactly(
                        "3: Unknown directive \"schedular=wrr\" (did you mean \"scheduler\"?)",
                        "4: Unknown directive \"chekctype=negotiate\" (did you mean \"checktype\"?)",
                        "5: Unknown directive \"checktimeuot=3\" (did you mean \"checktimeout\"?)");
    }

    @Test
    void suggestsNothingForADirectiveFarFromEveryKnownName() {
        assertThat(fixture.errors(HEAD + "\tbalance=roundrobin\n\tfoo=1\n"))
                .containsExactly("3: Unknown directive \"balance=roundrobin\"", "4: Unknown directive \"foo=1\"");
    }

    @Test
    void rejectsCheckcountWithoutDigitsAndStillWarnsItIsDeprecated() {
        assertThat(fixture.errors(HEAD + "\tcheckcount=x\n"))
                .containsExactly("3: checkcount must be a positive whole number, not \"x\"");
    }

    @Test
    void warnsAboutUnknownSchedulerButAcceptsIt() {
        String text = HEAD + "\tscheduler=fancy\n";
        assertThat(fixture.only(text).scheduler()).isEqualTo("fancy");
        assertThat(fixture.warnings(text))
                .containsExactly("3: unknown scheduler \"fancy\"; the kernel needs a module ip_vs_fancy");
    }

    @Test
    void readsLabelsAndMonitorfileWithoutOpeningIt() {
        Path monitor = dir.resolve("monitor.log");
        VirtualService v =
                with("servicename=web \"front\"", "comment=the main site", "monitorfile=\"" + monitor + "\"");
        assertThat(v.serviceName()).contains("web \"front\"");
        assertThat(v.comment()).contains("the main site");
        assertThat(v.monitorFile()).contains(monitor);
        assertThat(Files.exists(monitor)).isFalse();
    }

    @Test
    void warnsWhenTheMonitorfileDirectoryIsMissing() {
        assertThat(fixture.warnings(HEAD + "\tmonitorfile=/nonexistent/dir/mon.log\n"))
                .containsExactly("3: the directory of monitorfile \"/nonexistent/dir/mon.log\" does not exist");
    }

    @Test
    void acceptsLoadAndIgnoresItWithWarning() {
        assertThat(fixture.warnings(HEAD + "\tload=\"cpu\"\n"))
                .containsExactly("3: load is accepted and ignored (ldirectord ignores it too)");
    }

    @Test
    void perVirtualValuesOverrideGlobalOnes() {
        VirtualService v = fixture.only("""
                quiescent=yes
                cleanstop=yes
                checktimeout=3
                failurecount=2
                checkinterval=10
                emailalert=global@example.test
                smtp=global.example.test
                fallbackcommand=/global.sh
                virtual=192.0.2.10:80
                \treal=10.0.0.1:80 gate
                \tquiescent=no
                \tcleanstop=no
                \tchecktimeout=4
                \tfailurecount=5
                \tcheckinterval=2
                \temailalert="local@example.test"
                \tsmtp=local.example.test
                \tfallbackcommand="/local.sh"
                """);
        assertThat(v.quiescent()).isFalse();
        assertThat(v.cleanStop()).isFalse();
        assertThat(v.check().checkTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(v.timing()).isEqualTo(new Timing(Duration.ofSeconds(2), 5, 1));
        assertThat(v.emailAlert().recipients()).isEqualTo("local@example.test");
        assertThat(v.emailAlert().smtpServer()).contains("local.example.test");
        assertThat(v.fallbackCommand()).contains("\"/local.sh\"");
    }

    static Stream<Arguments> invalidVirtualDirectives() {
        return Stream.of(
                Arguments.of(
                        "checktype=sometimes",
                        "checktype must be connect, negotiate, ping, off, on, external,"
                                + " external-perl or a number, not \"sometimes\""),
                Arguments.of(
                        "checktype=combined",
                        "checktype must be connect, negotiate, ping, off, on, external,"
                                + " external-perl or a number, not \"combined\""),
                Arguments.of(
                        "service=gopher",
                        "service must be one of dns ftp grpc grpcs http http_proxy https imap imaps ldap"
                                + " ldaps mysql nntp none oracle pgsql pop pops radius simpletcp sip smtp ssh submission,"
                                + " not \"gopher\""),
                Arguments.of("request=\"\"", "request must not be empty"),
                Arguments.of("receive=\"", "receive value has no closing quote: \"receive=\"\""),
                Arguments.of("httpmethod=POST", "httpmethod must be GET or HEAD, not \"POST\""),
                Arguments.of("virtualhost=\"\"", "virtualhost needs a value"),
                Arguments.of("login=\"\"", "login must not be empty"),
                Arguments.of("checkcommand=", "checkcommand needs a value"),
                Arguments.of("checkport=0", "checkport must be a positive whole number, not \"0\""),
                Arguments.of("checkport=65536", "checkport must be in range 1..65535, not \"65536\""),
                Arguments.of("checkport=http", "checkport must be a positive whole number, not \"http\""),
                Arguments.of(
                        "scheduler=Foo1", "scheduler must be a scheduler name such as rr, wrr or wlc, not \"Foo1\""),
                Arguments.of("persistent=0", "persistent must be a positive whole number of seconds, not \"0\""),
                Arguments.of(
                        "persistent=9999999", "persistent must be at most 2678400 seconds (31 days), not \"9999999\""),
                Arguments.of("netmask=24", "netmask must be a dotted IPv4 mask such as 255.255.255.0, not \"24\""),
                Arguments.of(
                        "netmask=255.255.256.0",
                        "netmask must be a dotted IPv4 mask such as 255.255.255.0," + " not \"255.255.256.0\""),
                Arguments.of(
                        "schedflags=sh-port sh-fallback",
                        "unknown scheduler flag \"sh-port sh-fallback\""
                                + " (sh-fallback, sh-port, mh-fallback, mh-port, flag-1, flag-2, flag-3, separated by commas)"),
                Arguments.of("protocol=sctp", "protocol must be tcp, udp or fwm, not \"sctp\""),
                Arguments.of(
                        "protocol=fwm", "protocol=fwm is only for firewall-mark virtual services, not 192.0.2.10:80"),
                Arguments.of("ops=1", "ops must be yes or no, not \"1\""),
                Arguments.of("servicename=", "servicename needs a value"),
                Arguments.of(
                        "real6=[2001:db8::1]:80 gate",
                        "cannot specify \"real6\" in a virtual block;" + " please use \"real\" instead"),
                Arguments.of(
                        "fallback6=[::1]:80",
                        "cannot specify \"fallback6\" in a virtual block;" + " please use \"fallback\" instead"),
                Arguments.of(
                        "fallback=127.0.0.1:http",
                        "unknown service name \"http\" for the port of fallback server"
                                + " (no udp service of that name)"),
                Arguments.of(
                        "maintenancedir=/tmp",
                        "Unknown directive \"maintenancedir=/tmp\""
                                + " (maintenancedir is only valid in the global section)"),
                Arguments.of(
                        "readdquiescent=yes",
                        "Unknown directive \"readdquiescent=yes\""
                                + " (readdquiescent is only valid in the global section)"),
                Arguments.of(
                        "emailalertfrom=x@example.test",
                        "Unknown directive \"emailalertfrom=x@example.test\""
                                + " (emailalertfrom is only valid in the global section)"),
                Arguments.of(
                        "virtual=192.0.2.11:80",
                        "Unknown directive \"virtual=192.0.2.11:80\""
                                + " (virtual= must start at the beginning of a line)"),
                Arguments.of("password=\"x\"", "Unknown directive \"password=\"x\"\" (did you mean \"passwd\"?)"),
                Arguments.of(
                        "connecttimeout=3",
                        "connecttimeout was replaced by negotiatetimeout (ldirectord rejects it too)"),
                Arguments.of("passwd=\"\"", "passwd must not be empty"),
                Arguments.of("database=\"\"", "database must not be empty"),
                Arguments.of("secret=\"\"", "secret must not be empty"),
                Arguments.of("checktimeout=0", "checktimeout must be a positive whole number of seconds, not \"0\""),
                Arguments.of(
                        "negotiatetimeout=never",
                        "negotiatetimeout must be a positive whole number of seconds," + " not \"never\""),
                Arguments.of("checkinterval=0", "checkinterval must be a positive whole number of seconds, not \"0\""),
                Arguments.of("failurecount=x", "failurecount must be a positive whole number, not \"x\""),
                Arguments.of("quiescent=maybe", "quiescent must be yes or no, not \"maybe\""),
                Arguments.of("cleanstop=maybe", "cleanstop must be yes or no, not \"maybe\""),
                Arguments.of(
                        "emailalertstatus=often",
                        "invalid email alert status \"often\""
                                + " (all, none, starting, running, stopping, reloading)"),
                Arguments.of(
                        "smtp=mail server",
                        "smtp must be a host name or address with an optional :PORT," + " not \"mail server\""),
                Arguments.of("comment=", "comment needs a value"),
                Arguments.of("checktype=99999999999", "checktype is too large: \"99999999999\""),
                Arguments.of("sshkey=", "sshkey needs a value"),
                Arguments.of("cacert=", "cacert needs a value"),
                Arguments.of("fallback=127.0.0.1:80 nat", "forwarding method must be gate, masq or ipip, not \"nat\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidVirtualDirectives")
    void rejectsInvalidVirtualDirectiveNamingIt(String line, String expected) {
        String protocol = line.startsWith("fallback=127.0.0.1:http") ? "\tprotocol=udp\n\tservice=dns\n" : "";
        assertThat(fixture.errors(HEAD + "\t" + line + "\n" + protocol)).containsExactly("3: " + expected);
    }
}
