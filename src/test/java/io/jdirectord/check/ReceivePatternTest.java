package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.testing.Slack;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceivePatternTest {

    private static Deadline soon() {
        return Deadline.after(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "OK        | all OK here      | true",
                "ok        | all OK here      | false",
                "^OK$      | OK               | true",
                "^OK       | not OK           | false",
                "a.c       | xabcx            | true",
                "a\\.c     | xabcx            | false",
                "\\d{3}    | code 503         | true"
            })
    void searchesUnanchoredAndCaseSensitively(String receive, String text, boolean found) throws Exception {
        assertThat(ReceivePattern.of(receive).foundIn(text, soon())).isEqualTo(found);
    }

    @Test
    void checksWithTheSameReceiveShareOneCompiledPattern() {
        String receive = "shared-[0-9]+";

        assertThat(ReceivePattern.of(new String(receive))).isSameAs(ReceivePattern.of(new String(receive)));
        assertThat(ReceivePattern.of(receive)).isNotSameAs(ReceivePattern.of("other-[0-9]+"));
    }

    @Test
    void anEmptyReceiveMatchesAnything() throws Exception {
        ReceivePattern empty = ReceivePattern.of("");
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.foundIn("", soon())).isTrue();
    }

    @Test
    void rejectsAnInvalidExpressionNamingIt() {
        assertThatThrownBy(() -> ReceivePattern.of("[a-"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("receive \"[a-\" is not a valid regular expression");
    }

    @Test
    void stopsACatastrophicBacktrackAtTheDeadline() {
        ReceivePattern pattern = ReceivePattern.of("(.*a){12}x$");
        String hostile = "a".repeat(40);
        long start = System.nanoTime();
        Duration deadline = Duration.ofMillis(300);
        assertThatThrownBy(() -> pattern.foundIn(hostile, Deadline.after(deadline)))
                .isInstanceOf(ProbeException.class)
                .hasMessage("deadline passed while searching for receive pattern '(.*a){12}x$'");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Slack.after(deadline));
    }

    @Test
    void searchesANestedQuantifierToTheEndOfALongReplyWithoutBacktracking() throws ProbeException {
        String reply = "a".repeat(64 * 1024);

        assertThat(ReceivePattern.of("(a+)+b").search(reply, Deadline.after(Duration.ofMinutes(5))))
                .isEqualTo(ReceivePattern.Outcome.NOT_FOUND);
        assertThat(ReceivePattern.of("(a+)+b").foundIn(reply + "b", Deadline.after(Duration.ofMinutes(5))))
                .isTrue();
    }

    @Test
    void keepsBackReferencesAndLookaroundWorking() throws ProbeException {
        Deadline deadline = Deadline.after(Duration.ofSeconds(30));

        assertThat(ReceivePattern.of("<(b)>.*</\\1>").foundIn("x <b>bold</b>", deadline))
                .isTrue();
        assertThat(ReceivePattern.of("OK(?!-not)").foundIn("OK-not", deadline)).isFalse();
        assertThat(ReceivePattern.of("^OK$").foundIn("OK\n", deadline))
                .as("$ before a final newline, as Perl")
                .isTrue();
    }

    @Test
    void reportsAPatternThatOverflowsTheStack() {
        ReceivePattern pattern = ReceivePattern.of("^(a|b)+$");
        assertThatThrownBy(() -> pattern.foundIn("ab".repeat(100_000) + "c", soon()))
                .isInstanceOf(ProbeException.class)
                .hasMessage("receive pattern '^(a|b)+$' is too complex for 200001 characters of reply");
    }

    @Test
    void quotesAndShortensThePatternInReasons() {
        assertThat(ReceivePattern.of("x".repeat(100)).toString())
                .hasSize(65)
                .startsWith("'xxx")
                .endsWith("...'");
    }
}
