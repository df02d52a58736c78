package io.jdirectord.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RealSteerTest {

    /** Given an unsteered weight, an override, a percentage and a ramp, the weight applied is this. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            neutral keeps the weight                | 8  | -  | 100 | 1.0  | 8
            the override replaces the weight        | 8  | 3  | 100 | 1.0  | 3
            the percentage scales, rounded down     | 5  | -  | 50  | 1.0  | 2
            the ramp scales                         | 10 | -  | 100 | 0.25 | 2
            scaled below 1 stays at 1               | 2  | -  | 10  | 0.1  | 1
            weight 0 stays 0                        | 0  | -  | 100 | 0.5  | 0
            an override of 0 is 0                   | 8  | 0  | 100 | 1.0  | 0
            percentage 0 is 0                       | 8  | -  | 0   | 1.0  | 0
            the largest weight does not overflow    | 65535 | - | 100 | 1.0 | 65535
            """)
    void weightFromScalesTheChosenWeight(
            String description, int base, Integer override, int percent, double ramp, int expected) {
        RealSteer steer = new RealSteer(
                RealSteer.Admin.ENABLED,
                override == null ? OptionalInt.empty() : OptionalInt.of(override),
                percent,
                ramp);

        assertThat(steer.weightFrom(base)).isEqualTo(expected);
    }

    @Test
    void neutralIsEnabledAtTheFullWeight() {
        assertThat(RealSteer.NEUTRAL.admin()).isEqualTo(RealSteer.Admin.ENABLED);
        assertThat(RealSteer.NEUTRAL.weightFrom(7)).isEqualTo(7);
    }

    @Test
    void refusesAPercentageOrARampOutOfRange() {
        OptionalInt none = OptionalInt.empty();
        RealSteer.Admin in = RealSteer.Admin.ENABLED;
        assertThatThrownBy(() -> new RealSteer(in, none, -1, 1.0)).hasMessageContaining("weightPercent");
        assertThatThrownBy(() -> new RealSteer(in, none, 101, 1.0)).hasMessageContaining("weightPercent");
        assertThatThrownBy(() -> new RealSteer(in, none, 100, 0.0)).hasMessageContaining("ramp");
        assertThatThrownBy(() -> new RealSteer(in, none, 100, 1.5)).hasMessageContaining("ramp");
        assertThatThrownBy(() -> new RealSteer(in, none, 100, Double.NaN)).hasMessageContaining("ramp");
    }
}
