package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ldirectord's lexical rules (comments, indented continuation, quoting), harmless things it rejects that we accept. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LexicalRulesTest {

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    @Test
    void skipsBlankLinesAndCommentsAndEndsBlockAtGlobalLine() {
        Config config = fixture.parse("""
                # a comment

                virtual=192.0.2.10:80
                \treal=10.0.0.1:80 gate
                # column-0 comment inside the block does not end it (ldirectord)
                \treal=10.0.0.2:80 gate
                quiescent=yes
                """);
        assertThat(config.warnings()).isEmpty();
        assertThat(config.virtualServices().get(0).reals()).hasSize(2);
        assertThat(config.virtualServices().get(0).quiescent()).isTrue();
    }

    @Test
    void continuesBlockAfterBlankLineFollowedByIndentedLinesWithWarning() {
        String text = """
                virtual=192.0.2.10:80
                \treal=10.0.0.1:80 gate

                \tscheduler=rr
                """;
        assertThat(fixture.only(text).scheduler()).isEqualTo("rr");
        assertThat(fixture.warnings(text)).containsExactly("3: " + BLANK_LINE_WARNING);
    }

    private static final String BLANK_LINE_WARNING = "blank line inside a virtual block; the block goes on with the"
            + " indented lines below (ldirectord ends the block here and then rejects the file: the next indented"
            + " line is an Unknown command outside a block)";
    private static final String BLANKS_WARNING = "line of only blanks inside a virtual block; ignored (ldirectord"
            + " rejects the file here: after the indentation it reads the remaining blanks as an Unknown command)";

    @Test
    void treatsALineOfOneTabOrFourSpacesAsTheEndOfTheBlockAsLdirectord() {
        String text = "virtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n\t\n    \n\tscheduler=rr\n";
        assertThat(fixture.only(text).scheduler()).isEqualTo("rr");
        assertThat(fixture.warnings(text)).containsExactly("3: " + BLANK_LINE_WARNING);
    }

    @Test
    void warnsAboutALineOfMoreThanFourBlanksInsideABlockAsLdirectordRejectsIt() {
        String text = "virtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n\t \n\tscheduler=rr\n        \n";
        assertThat(fixture.only(text).scheduler()).isEqualTo("rr");
        assertThat(fixture.warnings(text)).containsExactly("3: " + BLANKS_WARNING, "5: " + BLANKS_WARNING);
    }

    @Test
    void acceptsAnyBlanksAfterTheBlockHasEndedWithoutWarning() {
        assertThat(fixture.warnings("virtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n\n\t\t\nchecktimeout=3\n"))
                .isEmpty();
        assertThat(fixture.warnings("        \nchecktimeout=3\n")).isEmpty();
    }

    @Test
    void endsBlockSilentlyAtBlankLineFollowedByGlobalLine() {
        assertThat(fixture.warnings("""
                virtual=192.0.2.10:80
                \treal=10.0.0.1:80 gate

                checktimeout=3
                """)).isEmpty();
    }

    @Test
    void acceptsShallowIndentationInsideBlockWithWarning() {
        String text = """
                virtual=192.0.2.10:80
                  real=10.0.0.1:80 gate
                    scheduler=rr
                """;
        assertThat(fixture.only(text).reals()).hasSize(1);
        assertThat(fixture.warnings(text))
                .containsExactly("2: indented by 2 space(s); accepted as part of the"
                        + " virtual block (ldirectord needs at least 4 spaces or a tab and would end the block here)");
    }

    @Test
    void acceptsMixedTabsAndSpacesWithoutWarning() {
        String text = "virtual=192.0.2.10:80\n  \treal=10.0.0.1:80 gate\n\t  scheduler=lc\n";
        assertThat(fixture.only(text).scheduler()).isEqualTo("lc");
        assertThat(fixture.warnings(text)).isEmpty();
    }

    @Test
    void acceptsGlobalDirectiveWithLeadingBlanksOutsideBlockWithWarning() {
        String text = "  checktimeout=3\n";
        assertThat(fixture.warnings(text))
                .containsExactly("1: leading blanks before a global directive; accepted"
                        + " (ldirectord rejects it: only lines of a virtual block are indented)");
    }

    @Test
    void stripsTrailingBlanksWithoutWarning() {
        String text = "quiescent=yes  \t\nvirtual=192.0.2.10:80 \n\treal=10.0.0.1:80 gate   \n";
        assertThat(fixture.only(text).quiescent()).isTrue();
        assertThat(fixture.warnings(text)).isEmpty();
    }

    @Test
    void stripsCarriageReturnsWithOneWarningPerFile() {
        String text = "checktimeout=3\r\nquiescent=yes\r\nvirtual=192.0.2.10:80\r\n\treal=10.0.0.1:80 gate\r\n";
        assertThat(fixture.only(text).quiescent()).isTrue();
        assertThat(fixture.warnings(text))
                .containsExactly("1: line ends in CR LF (DOS line ends); the CRs are"
                        + " ignored (ldirectord keeps them and then rejects yes/no values)");
    }

    @Test
    void cutsVirtualBlockLinesAtUnquotedHashAsLdirectord() {
        VirtualService service = fixture.only("""
                virtual=192.0.2.10:80
                \treal=10.0.0.1:80 gate # web 1
                \tscheduler=rr# comment without a blank
                """);
        assertThat(service.scheduler()).isEqualTo("rr");
        assertThat(service.reals()).hasSize(1);
    }

    @Test
    void keepsHashInsideQuotesInVirtualBlockWithWarning() {
        String text = """
                virtual=192.0.2.10:80
                \treceive="a#b"
                \tpasswd="x#y"
                \treal=10.0.0.1:80 gate
                """;
        CheckSpec check = fixture.only(text).check();
        assertThat(check.receive()).isEqualTo("a#b");
        assertThat(check.passwd()).isEqualTo("x#y");
        String warning =
                ": \"#\" inside quotes kept as part of the value (ldirectord cuts the line at the first \"#\")";
        assertThat(fixture.warnings(text)).containsExactly("2" + warning, "3" + warning);
    }

    @Test
    void cutsAtHashAfterAnUnclosedQuoteAsLdirectord() {
        assertThat(fixture.errors("""
                virtual=192.0.2.10:80
                \treceive="abc # not closed
                """)).containsExactly("2: receive value has no closing quote: \"receive=\"abc\"");
    }

    @Test
    void acceptsTrailingCommentOnGlobalLineWithWarning() {
        String text = "quiescent=no # not for now\n";
        assertThat(fixture.parse(text).warnings()).hasSize(1);
        assertThat(fixture.warnings(text))
                .containsExactly("1: comment after the value removed: \"# not for now\""
                        + " (ldirectord reads it as part of the value)");
    }

    @Test
    void keepsHashInGlobalValueWithoutBlankBeforeIt() {
        String text = "emailalert=\"ops#1@example.test\"\nvirtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n";
        assertThat(fixture.only(text).emailAlert().recipients()).isEqualTo("ops#1@example.test");
        assertThat(fixture.warnings(text)).isEmpty();
    }

    @Test
    void stripsCommentAfterVirtualLineSilentlyAsLdirectordIgnoresIt() {
        String text = "virtual=192.0.2.10:80 # web\n\treal=10.0.0.1:80 gate\n";
        assertThat(fixture.only(text).key().port()).isEqualTo(80);
        assertThat(fixture.warnings(text)).isEmpty();
    }

    @Test
    void rejectsDirectiveNamesInUpperCase() {
        assertThat(fixture.errors("Virtual=192.0.2.10:80\nCheckTimeout=3\n"))
                .containsExactly(
                        "1: Unknown directive \"Virtual=192.0.2.10:80\" (directive names are lower case)",
                        "2: Unknown directive \"CheckTimeout=3\" (directive names are lower case)");
    }

    @Test
    void rejectsIncludeAsLdirectordHasNone() {
        assertThat(fixture.errors("include other.cf\n")).containsExactly("1: Unknown directive \"include other.cf\"");
    }

    @Test
    void replacesInvalidUtf8WithWarning() throws IOException {
        Path file = dir.resolve("latin1.cf");
        byte[] bytes = "virtual=192.0.2.10:80\n\tservicename=caf\u00e9\n\treal=10.0.0.1:80 gate\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, bytes);
        Config config;
        try {
            config = new ConfigParser(new TableResolver()).parse(file);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage());
        }
        assertThat(config.warnings())
                .extracting(ConfigMessage::toString)
                .containsExactly(
                        file + ":2: line is not valid UTF-8 (the first such line); invalid bytes were replaced");
        assertThat(config.virtualServices().get(0).serviceName()).contains("caf\uFFFD");
    }
}
