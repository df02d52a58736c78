package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.ServiceKind;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProbeLagTest {

    /**
     * Given a check with checktimeout 4 s and negotiatetimeout 30 s (the limit is half the shorter: 2000 ms), a
     * result that passed or failed, its start lag and the stall during its run (ms), then it counts or is
     * inconclusive for this cause.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            on time, failed: counts                 | down | 0    | 0    | counts
            late and stalled, passed: counts        | up   | 9000 | 9000 | counts
            lost exactly the limit: counts          | down | 1000 | 1000 | counts
            started too late: inconclusive          | down | 2500 | 0    | late-start
            stalled during the run: inconclusive    | down | 0    | 2001 | stall
            a little of both over the limit: stall  | down | 1500 | 600  | stall
            """)
    void aFailureCountsUnlessTheMonitorLostMoreThanHalfTheTimeout(
            String description, String outcome, long startLag, long stalled, String expected) {
        CheckSpec check = CheckSpec.builder()
                .type(CheckType.NEGOTIATE)
                .service(ServiceKind.HTTP)
                .checkTimeout(Duration.ofSeconds(4))
                .negotiateTimeout(Duration.ofSeconds(30))
                .build();
        CheckResult result = outcome.equals("up") ? CheckResult.up("HTTP 200") : CheckResult.down("timeout");

        String verdict = ProbeLag.inconclusive(check, result, Duration.ofMillis(startLag), Duration.ofMillis(stalled))
                .map(ProbeLag::cause)
                .orElse("counts");

        assertThat(verdict).isEqualTo(expected);
    }
}
