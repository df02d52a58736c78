package io.jdirectord.daemon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reason on a {@code -d} probe line, which repeats every interval, stays one readable width. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DebugReasonTest {

    @Test
    void keepsAReasonOfAtMostTheWidthWhole() {
        String reason = "x".repeat(EventReporter.DEBUG_REASON_CHARS);
        assertThat(EventReporter.brief(reason)).isEqualTo(reason);
        assertThat(EventReporter.brief("connection refused")).isEqualTo("connection refused");
    }

    @Test
    void cutsALongerReasonToTheWidthWithAnEllipsis() {
        String reason = "external check exited 1: " + "y".repeat(275);

        assertThat(EventReporter.brief(reason))
                .hasSize(EventReporter.DEBUG_REASON_CHARS + 1)
                .startsWith("external check exited 1: y")
                .endsWith("y…");
    }
}
