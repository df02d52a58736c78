package io.jdirectord.engine;

import static io.jdirectord.testing.EngineFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.health.HealthKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StatusBoardTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00.123456789Z");

    private final ProbeSpec probe = probe("10.0.0.1", 80);
    private final StatusBoard board = new StatusBoard();

    @Test
    void aProbeNotYetRunHasNoLastResult() {
        assertThat(board.lastResult(probe)).isEmpty();
    }

    @Test
    void theLastResultIsShownWithItsElapsedTimeAndWhenItFinished() {
        board.recordResult(probe, up("HTTP 200", 12), T0);

        assertThat(board.lastResult(probe)).hasValue(new StatusBoard.LastResult(up("HTTP 200", 12), T0));
    }

    @Test
    void aResultSayingWhatThePreviousSaidStillShowsItsOwnTimes() {
        board.recordResult(probe, up("HTTP 200", 12), T0);
        board.recordResult(probe, up("HTTP 200", 7), T0.plusSeconds(1));

        assertThat(board.lastResult(probe)).hasValue(new StatusBoard.LastResult(up("HTTP 200", 7), T0.plusSeconds(1)));
    }

    @Test
    void aResultSayingSomethingElseReplacesTheReason() {
        board.recordResult(probe, up("HTTP 200", 12), T0);
        board.recordResult(probe, down("connection refused", 1), T0.plusSeconds(1));

        assertThat(board.lastResult(probe))
                .hasValue(new StatusBoard.LastResult(down("connection refused", 1), T0.plusSeconds(1)));
    }

    @Test
    void aChangedWeightIsAChangedResult() {
        board.recordResult(probe, CheckResult.upWithWeight("agent", 5), T0);
        board.recordResult(probe, CheckResult.upWithWeight("agent", 9), T0.plusSeconds(1));

        assertThat(board.lastResult(probe).orElseThrow().result().weight()).hasValue(9);
    }

    @Test
    void probesNoLongerConfiguredAreForgotten() {
        ProbeSpec other = probe("10.0.0.2", 80);
        board.recordResult(probe, up("HTTP 200", 1), T0);
        board.recordResult(other, up("HTTP 200", 1), T0);

        board.retain(Set.of(other), Set.<HealthKey>of());

        assertThat(board.lastResult(probe)).isEmpty();
        assertThat(board.lastResult(other)).isPresent();
    }

    private static CheckResult up(String reason, long millis) {
        return CheckResult.up(reason).withElapsed(Duration.ofMillis(millis));
    }

    private static CheckResult down(String reason, long millis) {
        return CheckResult.down(reason).withElapsed(Duration.ofMillis(millis));
    }
}
