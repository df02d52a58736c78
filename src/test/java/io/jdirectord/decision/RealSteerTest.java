package io.jdirectord.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A real server's steering: its bounds, and the weight it makes of a base weight. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RealSteerTest {

    @ParameterizedTest(name = "percent {0}, ramp {1} is refused")
    @CsvSource({"-1, 1.0", "101, 1.0", "100, 0.0", "100, 1.5", "100, NaN", "100, -0.5"})
    void refusesAPercentOutside0To100AndARampOutside0To1(int percent, double ramp) {
        assertThatThrownBy(() -> new RealSteer(RealSteer.Admin.ENABLED, OptionalInt.empty(), percent, ramp))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "base {0}, override {1}, {2}%, ramp {3} gives {4}")
    @CsvSource({
        "10, -1, 100, 1.0,  10",
        "10, -1, 50,  1.0,  5",
        "10, -1, 50,  0.4,  2",
        "10, -1, 1,   0.01, 1",
        "10, -1, 0,   1.0,  0",
        "0,  -1, 100, 0.5,  0",
        "10, 4,  50,  1.0,  2",
        "10, 0,  100, 1.0,  0"
    })
    void scalesTheOverrideElseTheBaseNeverBelowOneUnlessZeroIsAsked(
            int base, int override, int percent, double ramp, int weight) {
        OptionalInt chosen = override < 0 ? OptionalInt.empty() : OptionalInt.of(override);
        assertThat(new RealSteer(RealSteer.Admin.ENABLED, chosen, percent, ramp).weightFrom(base))
                .isEqualTo(weight);
    }

    @Test
    void neutralKeepsTheBaseWeight() {
        assertThat(RealSteer.NEUTRAL.weightFrom(7)).isEqualTo(7);
    }
}
