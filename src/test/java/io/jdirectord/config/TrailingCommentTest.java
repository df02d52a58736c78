package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A comment after a value gets a warning only where ldirectord really reads it differently (reference §1, §2,
 * §3.3): on a global line where the directive's regular expression takes the comment into the value, in a
 * block where the blanks left before the {@code #} change the value.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrailingCommentTest {

    private static final String BLOCK = "virtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n";
    private static final String GLOBAL_WARNING = "comment after the value removed";
    private static final String BLOCK_WARNING = "blanks before the comment removed from the value";

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    static Stream<Arguments> globalLines() {
        return Stream.of(
                // numbers: ldirectord takes the first run of digits, which stands before the comment
                Arguments.of("checktimeout=7 # seconds", false),
                Arguments.of("negotiatetimeout=20 # 20 s", false),
                Arguments.of("checkinterval=5 # often", false),
                Arguments.of("failurecount=3 # soft failures", false),
                // regular expressions that stop before the blank
                Arguments.of("emailalertfreq=600 # ten minutes", false),
                Arguments.of("smtp=192.0.2.25 # the relay", false),
                // "(.*)": the value ends at the last quote of the line
                Arguments.of("callback=\"/bin/true\" # after a change", false),
                Arguments.of("logfile=\"local0\" # syslog", false),
                Arguments.of("logfile=\"local0\" # see \"man syslog\"", true),
                // the rest of the line, comment included
                Arguments.of("quiescent=no # not for now", true),
                Arguments.of("autoreload=yes # watch the file", true),
                Arguments.of("cleanstop=no # keep the table", true),
                Arguments.of("readdquiescent=no # x", true),
                Arguments.of("fork=no # x", true),
                Arguments.of("supervised=yes # systemd", true),
                Arguments.of("fallback=192.0.2.9:80 gate # sorry server", true),
                Arguments.of("fallbackcommand=/usr/local/bin/notify # page someone", true),
                Arguments.of("emailalert=\"ops@example.test\" # the team", true),
                Arguments.of("emailalertstatus=all # every state", true),
                Arguments.of("emailalertfrom=lb@example.test # sender", true),
                // extensions: ldirectord does not know them at all
                Arguments.of("repairinterval=30 # seconds", false),
                Arguments.of("maxreceive=65536 # bytes", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("globalLines")
    void warnsAboutACommentAfterAGlobalValueOnlyWhereLdirectordReadsItIntoTheValue(String line, boolean misread) {
        List<String> warnings = fixture.warnings(line + "\n" + BLOCK);
        if (misread) {
            assertThat(warnings)
                    .contains("1: " + GLOBAL_WARNING + ": " + Texts.quote(line.substring(line.indexOf('#')))
                            + " (ldirectord reads it as part of the value)");
        } else {
            assertThat(warnings).noneMatch(w -> w.contains(GLOBAL_WARNING));
        }
    }

    @Test
    void readsTheNumberBeforeTheComment() {
        assertThat(fixture.parse("checktimeout=7 # 5 would be too short\n" + BLOCK)
                        .virtualServices()
                        .get(0)
                        .check()
                        .checkTimeout())
                .hasSeconds(7);
    }

    static Stream<Arguments> blockLines() {
        return Stream.of(
                // compared exactly: "yes " is not yes
                Arguments.of("quiescent=yes # for now", "\"yes \""),
                Arguments.of("cleanstop=no # keep", "\"no \""),
                Arguments.of("ops=no # tcp anyway", "\"no \""),
                Arguments.of("emailalertstatus=all # every state", "\"all \""),
                Arguments.of("emailalert=\"ops@example.test\" # the team", "\"\"ops@example.test\" \""),
                Arguments.of("checkcommand=/bin/true # always up", "\"/bin/true \""),
                Arguments.of("virtualhost=www.example.test # Host header", "\"www.example.test \""),
                // quoted, or read with a regular expression that stops before the blank
                Arguments.of("checkcommand=\"/bin/true\" # always up", null),
                Arguments.of("virtualhost=\"www.example.test\" # Host header", null),
                Arguments.of("scheduler=rr # round robin", null),
                Arguments.of("checktimeout=3 # seconds", null),
                Arguments.of("request=\"/health\" # the page", null),
                Arguments.of("fallbackcommand=/usr/local/bin/notify # page someone", null),
                Arguments.of("servicename=web # shown in mail", null),
                Arguments.of("quiescent=yes# no blank before the comment", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockLines")
    void warnsAboutBlanksBeforeABlockCommentOnlyWhereLdirectordMisreadsThem(String line, String readAs) {
        List<String> warnings = fixture.warnings(BLOCK + "\t" + line + "\n");
        if (readAs != null) {
            assertThat(warnings)
                    .contains("3: " + BLOCK_WARNING + " (ldirectord cuts the line at \"#\" but keeps"
                            + " them: it reads " + readAs + " and rejects or misreads it)");
        } else {
            assertThat(warnings).noneMatch(w -> w.contains(BLOCK_WARNING) || w.contains(GLOBAL_WARNING));
        }
    }

    @Test
    void readsTheBlockValueWithoutTheBlanks() {
        assertThat(fixture.only(BLOCK + "\tquiescent=yes # for now\n").quiescent())
                .isTrue();
    }
}
