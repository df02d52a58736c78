package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Typographic quotes where plain ones belong are errors naming the line, the character and the fix. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TypographicQuotesTest {

    private static final String BLOCK = "virtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n";

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    private static String error(int line, String quote, String directive) {
        return line + ": typographic quote " + quote + " in the value of " + directive + ": it is read as part of"
                + " the value, not as a quote; write a plain ASCII quote (\")";
    }

    static Stream<Arguments> blockLines() {
        return Stream.of(
                Arguments.of("receive=“Test\"", "“ (U+201C LEFT DOUBLE QUOTATION MARK)", "receive"),
                Arguments.of("receive=\"Test”", "” (U+201D RIGHT DOUBLE QUOTATION MARK)", "receive"),
                Arguments.of("request=„/health“", "„ (U+201E DOUBLE LOW-9 QUOTATION MARK)", "request"),
                Arguments.of("login=‘admin’", "‘ (U+2018 LEFT SINGLE QUOTATION MARK)", "login"),
                Arguments.of("passwd=«secret»", "« (U+00AB LEFT-POINTING DOUBLE ANGLE QUOTATION MARK)", "passwd"),
                Arguments.of("virtualhost=”www.example.test”", "” (U+201D RIGHT DOUBLE QUOTATION MARK)", "virtualhost"),
                Arguments.of(
                        "real=10.0.0.2:80 gate 1 “/health”, “OK”", "“ (U+201C LEFT DOUBLE QUOTATION MARK)", "real"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockLines")
    void rejectsATypographicQuoteInAQuotableBlockValue(String line, String quote, String directive) {
        assertThat(fixture.errors(BLOCK + "\t" + line + "\n")).containsExactly(error(3, quote, directive));
    }

    @Test
    void rejectsATypographicQuoteInAGlobalValue() {
        assertThat(fixture.errors("callback=“/usr/local/bin/reloaded”\n" + BLOCK))
                .containsExactly(error(1, "“ (U+201C LEFT DOUBLE QUOTATION MARK)", "callback"));
    }

    @Test
    void acceptsTypographicQuotesInsidePlainQuotesAndInsideWordsAndInFreeText() {
        CheckSpec check = fixture.only(BLOCK + """
                \treceive="He said “hi”"
                \tpasswd=it’s
                \tservicename=“Web”
                \tcomment=the «main» site
                """).check();
        assertThat(check.receive()).isEqualTo("He said “hi”");
        assertThat(check.passwd()).isEqualTo("it’s");
    }
}
