package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

/** Every ldirectord global directive: defaults, valid values, and the error for invalid ones. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GlobalDirectivesTest {

    private static final String BLOCK = "virtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n";

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    @Test
    void appliesLdirectordDefaultsToAnEmptyGlobalSection() {
        Config config = fixture.parse(BLOCK);
        GlobalSettings g = config.globals();
        assertThat(g.checkInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(g.autoreload()).isFalse();
        assertThat(g.callback()).isEmpty();
        assertThat(g.logTarget()).isEqualTo(new LogTarget.File(Path.of("/var/log/jdirectord/jdirectord.log"), false));
        assertThat(g.execute()).isEmpty();
        assertThat(g.supervised()).isFalse();
        assertThat(g.fork()).isFalse();
        assertThat(g.readdQuiescent()).isFalse();
        assertThat(g.maintenanceDir()).isEmpty();
        assertThat(g.repairInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(g.syncDaemons()).isEmpty();
        assertThat(g.ipvsTimeouts()).isEmpty();
        assertThat(g.statusAddress()).isEmpty();
        VirtualService v = config.virtualServices().get(0);
        assertThat(v.quiescent()).isFalse();
        assertThat(v.cleanStop()).isTrue();
        assertThat(v.fallback()).isEmpty();
        assertThat(v.fallbackCommand()).isEmpty();
        assertThat(v.emailAlert().enabled()).isFalse();
        assertThat(v.emailAlert().statuses()).containsExactlyInAnyOrder(DaemonStatus.values());
        assertThat(v.timing()).isEqualTo(new Timing(Duration.ofSeconds(10), 1, 1));
        assertThat(v.check().checkTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(v.check().negotiateTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(v.check().checkCount()).isEqualTo(1);
    }

    @Test
    void readsEveryGlobalDirective() throws Exception {
        Path maintenance = Files.createDirectory(dir.resolve("maint"));
        Config config = fixture.parse("""
                checktimeout=3
                negotiatetimeout=20
                checkinterval=2
                failurecount=4
                autoreload=yes
                callback="/usr/local/sbin/reloaded"
                logfile="local0"
                execute=other.cf
                execute="third.cf"
                fork=yes
                supervised=yes
                quiescent=yes
                readdquiescent=yes
                emailalert="ops@example.test, noc@example.test"
                emailalertfreq=3600
                emailalertstatus=starting, running
                emailalertfrom=LVS <lvs@example.test>
                cleanstop=no
                smtp=mail.example.test
                maintenancedir=%s
                fallbackcommand=/usr/local/sbin/sorry
                """.formatted(maintenance) + BLOCK);
        GlobalSettings g = config.globals();
        assertThat(g.checkInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(g.autoreload()).isTrue();
        assertThat(g.callback()).contains(Path.of("/usr/local/sbin/reloaded"));
        assertThat(g.logTarget()).isEqualTo(new LogTarget.Syslog("local0"));
        assertThat(g.execute()).containsExactly("other.cf", "third.cf");
        assertThat(g.fork()).isTrue();
        assertThat(g.supervised()).isTrue();
        assertThat(g.readdQuiescent()).isTrue();
        assertThat(g.maintenanceDir()).contains(maintenance);
        VirtualService v = config.virtualServices().get(0);
        assertThat(v.check().checkTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(v.check().negotiateTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(v.timing()).isEqualTo(new Timing(Duration.ofSeconds(2), 4, 1));
        assertThat(v.quiescent()).isTrue();
        assertThat(v.cleanStop()).isFalse();
        assertThat(v.fallbackCommand()).contains("/usr/local/sbin/sorry");
        assertThat(v.emailAlert())
                .isEqualTo(new EmailAlert(
                        "ops@example.test, noc@example.test",
                        3600,
                        java.util.Set.of(DaemonStatus.STARTING, DaemonStatus.RUNNING),
                        Optional.of("LVS <lvs@example.test>"),
                        Optional.of("mail.example.test")));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void readsLogfilePathAsFileTarget() {
        Config config = fixture.parse("logfile=\"" + dir + "/ld.log\"\n" + BLOCK);
        assertThat(config.globals().logTarget()).isEqualTo(new LogTarget.File(dir.resolve("ld.log")));
    }

    @Test
    void warnsWhenTheLogfileDirectoryIsMissing() {
        assertThat(fixture.warnings("logfile=\"/nonexistent/dir/ld.log\"\n" + BLOCK))
                .containsExactly("1: the directory of logfile \"/nonexistent/dir/ld.log\" does not exist");
    }

    @Test
    void readsBareSupervisedAsYesWithLdirectordsWarning() {
        String text = "supervised\n" + BLOCK;
        assertThat(fixture.parse(text).globals().supervised()).isTrue();
        assertThat(fixture.warnings(text))
                .containsExactly(
                        "1: a bare \"supervised\" is read as supervised=yes; write supervised=yes (as ldirectord asks)");
    }

    @Test
    void warnsThatCheckcountIsDeprecatedAndStillUsesIt() {
        String text = "checkcount=3\n" + BLOCK;
        assertThat(fixture.only(text).check().checkCount()).isEqualTo(3);
        assertThat(fixture.warnings(text))
                .containsExactly(
                        "1: checkcount is deprecated and slated for removal (as in ldirectord); see failurecount");
    }

    @Test
    void warnsWhenTheMaintenanceDirectoryIsMissing() {
        String text = "maintenancedir=/nonexistent/maintenance\n" + BLOCK;
        assertThat(fixture.parse(text).globals().maintenanceDir()).contains(Path.of("/nonexistent/maintenance"));
        assertThat(fixture.warnings(text))
                .containsExactly("1: maintenance directory \"/nonexistent/maintenance\" does not exist");
    }

    @Test
    void readsLenientNumbersAsLdirectordWithWarning() {
        String text = "checktimeout=5s\nnegotiatetimeout=x10\n" + BLOCK;
        CheckSpec check = fixture.only(text).check();
        assertThat(check.checkTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(check.negotiateTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(fixture.warnings(text))
                .containsExactly(
                        "1: checktimeout=5s read as 5 (ldirectord takes the first number in the value)",
                        "2: negotiatetimeout=x10 read as 10 (ldirectord takes the first number in the value)");
    }

    @Test
    void readsFractionalCheckintervalAsExtension() {
        assertThat(fixture.parse("checkinterval=0.5\n" + BLOCK).globals().checkInterval())
                .isEqualTo(Duration.ofMillis(500));
        assertThat(fixture.parse("checkinterval=.05\n" + BLOCK).globals().checkInterval())
                .isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void lastOccurrenceOfARepeatedDirectiveWins() {
        assertThat(fixture.only("quiescent=yes\nquiescent=no\n" + BLOCK).quiescent())
                .isFalse();
    }

    @Test
    void globalDirectivesAfterAVirtualBlockStillApplyToIt() {
        VirtualService v = fixture.only(BLOCK + "checktimeout=7\nquiescent=yes\n");
        assertThat(v.check().checkTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(v.quiescent()).isTrue();
    }

    @Test
    void readsTheLeadingDigitsOfEmailalertfreqAsLdirectordWithWarning() {
        String text = "emailalertfreq=10m\nemailalertfreq2=1\n" + BLOCK;
        assertThat(fixture.errors(text))
                .containsExactly("2: Unknown directive \"emailalertfreq2=1\" (did you mean \"emailalertfreq\"?)");
        String lenient = "emailalertfreq=10m\n" + BLOCK;
        assertThat(fixture.only(lenient).emailAlert().frequency()).isEqualTo(10);
        assertThat(fixture.warnings(lenient))
                .containsExactly("1: emailalertfreq=10m read as 10 (ldirectord reads the leading digits only)");
        assertThat(fixture.only("emailalertfreq=hourly\n" + BLOCK).emailAlert().frequency())
                .isZero();
    }

    @Test
    void readsEmailalertstatusNoneAsEmptySet() {
        assertThat(fixture.only("emailalertstatus=none\n" + BLOCK).emailAlert().statuses())
                .isEmpty();
    }

    @Test
    void readsSmtpWithPortAsExtension() {
        assertThat(fixture.only("smtp=mail.example.test:2525\n" + BLOCK)
                        .emailAlert()
                        .smtpServer())
                .contains("mail.example.test:2525");
    }

    static Stream<Arguments> invalidGlobalDirectives() {
        return Stream.of(
                Arguments.of(
                        "checktimeout=abc", "checktimeout must be a positive whole number of seconds, not \"abc\""),
                Arguments.of("checktimeout=0", "checktimeout must be a positive whole number of seconds, not \"0\""),
                Arguments.of("checktimeout=99999999999", "checktimeout is too large: \"99999999999\""),
                Arguments.of(
                        "negotiatetimeout=", "negotiatetimeout must be a positive whole number of seconds, not \"\""),
                Arguments.of("checkinterval=0", "checkinterval must be a positive whole number of seconds, not \"0\""),
                Arguments.of("checkinterval=0.01", "checkinterval must be at least 0.05 seconds, not \"0.01\""),
                Arguments.of("failurecount=none", "failurecount must be a positive whole number, not \"none\""),
                Arguments.of(
                        "connecttimeout=5",
                        "connecttimeout was replaced by negotiatetimeout (ldirectord rejects it too)"),
                Arguments.of(
                        "timeout=5",
                        "timeout was replaced by checktimeout and negotiatetimeout (ldirectord rejects it too)"),
                Arguments.of("autoreload=maybe", "autoreload must be yes or no, not \"maybe\""),
                Arguments.of("fork=1", "fork must be yes or no, not \"1\""),
                Arguments.of("supervised=perhaps", "supervised must be yes or no, not \"perhaps\""),
                Arguments.of("quiescent=Yes", "quiescent must be yes or no, not \"Yes\""),
                Arguments.of("readdquiescent=on", "readdquiescent must be yes or no, not \"on\""),
                Arguments.of("cleanstop=", "cleanstop must be yes or no, not \"\""),
                Arguments.of(
                        "logfile=\"foo\"",
                        "logfile must be a path starting with / or a syslog facility"
                                + " (daemon, local0 ... local7, ...), not \"foo\""),
                Arguments.of("logfile=\"\"", "logfile must not be empty"),
                Arguments.of("callback=\"/x", "callback value has no closing quote: \"callback=\"/x\""),
                Arguments.of("execute=", "execute needs a value"),
                Arguments.of("emailalertfrom=", "emailalertfrom needs a value"),
                Arguments.of("maintenancedir=\"\"", "maintenancedir needs a value"),
                Arguments.of("fallbackcommand=", "fallbackcommand needs a value"),
                Arguments.of(
                        "emailalertstatus=none,starting",
                        "invalid email alert status: \"starting\" specified with \"none\""),
                Arguments.of(
                        "emailalertstatus=running, none",
                        "invalid email alert status: \"running\" specified with \"none\""),
                Arguments.of(
                        "emailalertstatus=sometimes",
                        "invalid email alert status \"sometimes\""
                                + " (all, none, starting, running, stopping, reloading)"),
                Arguments.of("emailalertfreq=99999999999", "emailalertfreq is too large: \"99999999999\""),
                Arguments.of(
                        "smtp=mail.example.test:25:1",
                        "smtp must be a host name or address with an optional :PORT,"
                                + " not \"mail.example.test:25:1\""),
                Arguments.of("fallback=:80", "fallback needs an address: \"fallback=:80\""),
                Arguments.of("fallback=", "fallback must be HOST[:PORT] [gate|masq|ipip], not \"\""),
                Arguments.of(
                        "fallback=127.0.0.1:80 gate now",
                        "fallback must be HOST[:PORT] [gate|masq|ipip]," + " not \"127.0.0.1:80 gate now\""),
                Arguments.of(
                        "fallback=127.0.0.1:80 tunnel", "forwarding method must be gate, masq or ipip, not \"tunnel\""),
                Arguments.of(
                        "fallback=[::1]:80",
                        "IPv6 address \"[::1]\" in fallback=; use fallback6= (in a virtual6 block)"),
                Arguments.of(
                        "fallback6=127.0.0.1:80",
                        "IPv4 address \"127.0.0.1\" in fallback6=; use fallback= (in a virtual block)"),
                Arguments.of("fallback=127.0.0.1:99999", "invalid port \"99999\" for fallback server (1 to 65535)"),
                Arguments.of(
                        "fallback=nowhere.example.test",
                        "cannot resolve \"nowhere.example.test\" to an IPv4 address" + " for fallback server"),
                Arguments.of("checktimeout", "checktimeout needs a value: checktimeout = ..."),
                Arguments.of("foo=1", "Unknown directive \"foo=1\""),
                Arguments.of("autorelaod=yes", "Unknown directive \"autorelaod=yes\" (did you mean \"autoreload\"?)"),
                Arguments.of(
                        "scheduler=rr",
                        "Unknown directive \"scheduler=rr\" (scheduler is only valid inside a virtual block)"),
                Arguments.of(
                        "real=10.0.0.1:80 gate",
                        "Unknown directive \"real=10.0.0.1:80 gate\"" + " (real is only valid inside a virtual block)"),
                Arguments.of("checktimeout: 3", "Unknown directive \"checktimeout: 3\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidGlobalDirectives")
    void rejectsInvalidGlobalDirectiveNamingIt(String line, String expected) {
        assertThat(fixture.errors(line + "\n" + BLOCK)).containsExactly("1: " + expected);
    }

    @Test
    void collectsEveryErrorOfTheGlobalSection() {
        List<String> errors = fixture.errors("checktimeout=abc\nquiescent=maybe\nfoo=bar\n" + BLOCK);
        assertThat(errors).hasSize(3);
    }
}
