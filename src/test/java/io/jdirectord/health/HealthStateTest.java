package io.jdirectord.health;

import static io.jdirectord.testing.EngineFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.CheckType;
import io.jdirectord.health.HealthEvent.Cause;
import io.jdirectord.health.HealthEvent.SoftFailure;
import io.jdirectord.health.HealthEvent.SoftFailureReset;
import io.jdirectord.health.HealthEvent.SoftRise;
import io.jdirectord.health.HealthEvent.Transition;
import io.jdirectord.health.HealthEvent.WeightChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HealthStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * Given a state with failurecount F and risecount R starting UP (presumed) or UNKNOWN, when the steps
     * happen one second apart, then it ends in the status with exactly these events. Steps: + pass,
     * - fail, +N pass reporting weight N, M maintenance on, m maintenance off.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            first pass resolves unknown to up            | 1 | 1 | UNKNOWN | +             | UP      | UNKNOWN->UP
            first failure resolves unknown to down       | 3 | 1 | UNKNOWN | -             | DOWN    | UNKNOWN->DOWN
            first pass resolves unknown even with rise 3 | 1 | 3 | UNKNOWN | +             | UP      | UNKNOWN->UP
            unknown before any result                    | 1 | 1 | UNKNOWN | ''            | UNKNOWN | ''
            one failure takes up down with failurecount 1| 1 | 1 | UP      | -             | DOWN    | UP->DOWN
            soft failures below failurecount             | 3 | 1 | UP      | - -           | UP      | soft 1/3, soft 2/3
            down after failurecount consecutive failures | 3 | 1 | UP      | - - -         | DOWN    | soft 1/3, soft 2/3, UP->DOWN
            a pass resets the soft failure count         | 3 | 1 | UP      | - - + - -     | UP      | soft 1/3, soft 2/3, reset 2, soft 1/3, soft 2/3
            pass while up without failures is silent     | 3 | 1 | UP      | + +           | UP      | ''
            failures while down are silent               | 1 | 1 | UP      | - - -         | DOWN    | UP->DOWN
            one pass brings down up with risecount 1     | 1 | 1 | UP      | - +           | UP      | UP->DOWN, DOWN->UP
            risecount consecutive passes bring it up     | 1 | 3 | UP      | - + + +       | UP      | UP->DOWN, rise 1/3, rise 2/3, DOWN->UP
            a failure restarts the rise count            | 1 | 2 | UP      | - + - + +     | UP      | UP->DOWN, rise 1/2, rise 1/2, DOWN->UP
            maintenance takes up down without counting   | 3 | 1 | UP      | M             | DOWN    | UP->DOWN (maintenance)
            maintenance takes unknown down               | 3 | 1 | UNKNOWN | M             | DOWN    | UNKNOWN->DOWN (maintenance)
            results are ignored in maintenance           | 1 | 1 | UP      | M + + -       | DOWN    | UP->DOWN (maintenance)
            after maintenance the next result decides    | 1 | 1 | UP      | M m +         | UP      | UP->DOWN (maintenance), DOWN->UP
            after maintenance risecount still applies    | 1 | 2 | UP      | M m + +       | UP      | UP->DOWN (maintenance), rise 1/2, DOWN->UP
            maintenance repeated is idempotent           | 1 | 1 | UP      | M M m m       | DOWN    | UP->DOWN (maintenance)
            maintenance of a down server is silent       | 1 | 1 | UP      | - M m         | DOWN    | UP->DOWN
            a dynamic weight change while up is reported | 1 | 1 | UNKNOWN | +5 +5 +7 +    | UP      | UNKNOWN->UP, weight 5->7, weight 7->none
            weight reported while rising is no event     | 1 | 2 | UP      | - +3 +3       | UP      | UP->DOWN, rise 1/2, DOWN->UP
            """)
    void followsTheRiseAndFallRules(
            String description,
            int failureCount,
            int riseCount,
            HealthStatus start,
            String steps,
            HealthStatus expected,
            String expectedEvents) {
        HealthKey key = new HealthKey(probe("10.0.0.1", 80), failureCount, riseCount);
        HealthState state = HealthState.create(key, start == HealthStatus.UP, T0);

        List<String> events = new ArrayList<>();
        Instant now = T0;
        for (String step : steps.isBlank() ? new String[0] : steps.trim().split("\\s+")) {
            now = now.plusSeconds(1);
            apply(state, step, now).forEach(event -> events.add(summary(event)));
        }

        assertThat(state.status()).isEqualTo(expected);
        assertThat(String.join(", ", events)).isEqualTo(expectedEvents);
    }

    private static List<HealthEvent> apply(HealthState state, String step, Instant now) {
        return switch (step) {
            case "+" -> state.record(CheckResult.up("ok"), now);
            case "-" -> state.record(CheckResult.down("refused"), now);
            case "M" -> state.maintenance(true, now);
            case "m" -> state.maintenance(false, now);
            default -> state.record(CheckResult.upWithWeight("ok", Integer.parseInt(step.substring(1))), now);
        };
    }

    private static String summary(HealthEvent event) {
        return switch (event) {
            case Transition t -> t.from() + "->" + t.to() + (t.cause() == Cause.MAINTENANCE ? " (maintenance)" : "");
            case SoftFailure f -> "soft " + f.failures() + "/" + f.failureCount();
            case SoftFailureReset r -> "reset " + r.failures();
            case SoftRise r -> "rise " + r.successes() + "/" + r.riseCount();
            case WeightChange w -> "weight " + text(w.from()) + "->" + text(w.to());
        };
    }

    private static String text(OptionalInt weight) {
        return weight.isPresent() ? Integer.toString(weight.getAsInt()) : "none";
    }

    @Test
    void transitionCarriesTheReasonTheProbeTimeAndHowLongTheOldStatusLasted() {
        HealthKey key = new HealthKey(probe("10.0.0.1", 80), 1, 1);
        HealthState state = HealthState.create(key, true, T0);
        CheckResult refused = CheckResult.down("connect refused").withElapsed(Duration.ofMillis(12));

        List<HealthEvent> events = state.record(refused, T0.plusSeconds(90));

        assertThat(events)
                .containsExactly(new Transition(
                        key,
                        HealthStatus.UP,
                        HealthStatus.DOWN,
                        Cause.CHECK,
                        "connect refused",
                        Duration.ofMillis(12),
                        Duration.ofSeconds(90),
                        T0.plusSeconds(90)));
        assertThat(state.since()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void softFailureCarriesTheCheckReason() {
        HealthKey key = new HealthKey(probe("10.0.0.1", 80), 2, 1);
        HealthState state = HealthState.create(key, true, T0);

        assertThat(state.record(CheckResult.down("HTTP 503"), T0))
                .containsExactly(new SoftFailure(key, 1, 2, "HTTP 503", T0));
    }

    @Test
    void checktypeOnIsUpFromTheStartAndIgnoresResults() {
        HealthState state = HealthState.create(new HealthKey(probe(CheckType.ON, "10.0.0.1", 80), 1, 1), false, T0);

        assertThat(state.record(CheckResult.down("refused"), T0)).isEmpty();
        assertThat(state.status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void checktypeOffIsDownFromTheStartEvenWhenPresumedUp() {
        HealthState state = HealthState.create(new HealthKey(probe(CheckType.OFF, "10.0.0.1", 80), 1, 1), true, T0);

        assertThat(state.record(CheckResult.up("ok"), T0)).isEmpty();
        assertThat(state.status()).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void checktypeOnGoesDownForMaintenanceAndStraightBackUpAfterIt() {
        HealthState state = HealthState.create(new HealthKey(probe(CheckType.ON, "10.0.0.1", 80), 1, 1), false, T0);

        List<HealthEvent> entering = state.maintenance(true, T0.plusSeconds(1));
        List<HealthEvent> leaving = state.maintenance(false, T0.plusSeconds(2));

        assertThat(entering).extracting(HealthStateTest::summary).containsExactly("UP->DOWN (maintenance)");
        assertThat(leaving).extracting(HealthStateTest::summary).containsExactly("DOWN->UP (maintenance)");
        assertThat(state.status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void viewCarriesTheLastReportedWeight() {
        HealthState state = HealthState.create(new HealthKey(probe("10.0.0.1", 80), 1, 1), false, T0);

        state.record(CheckResult.upWithWeight("ok", 4), T0);

        assertThat(state.view()).isEqualTo(new ProbeHealth(HealthStatus.UP, OptionalInt.of(4)));
    }
}
