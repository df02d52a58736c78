package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.decision.RealSteer;
import io.jdirectord.decision.RealSteer.Admin;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the sources of steering combine on one real server: the stricter state, the smaller share and ramp. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SteersTest {

    @ParameterizedTest(name = "{0} and {1} make {2}")
    @CsvSource({
        "ENABLED,  ENABLED,  ENABLED",
        "ENABLED,  DISABLED, DISABLED",
        "DISABLED, ENABLED,  DISABLED",
        "DRAINING, DISABLED, DISABLED",
        "DISABLED, DRAINING, DISABLED",
        "ENABLED,  DRAINING, DRAINING",
        "DRAINED,  DISABLED, DRAINED",
        "DISABLED, DRAINED,  DRAINED"
    })
    void theStricterAdministrativeStateWins(Admin a, Admin b, Admin combined) {
        assertThat(Steers.combine(steer(a, 100, 1.0), steer(b, 100, 1.0)).admin())
                .isEqualTo(combined);
    }

    @Test
    void theSmallerShareAndRampWinAndTheyMultiplyIntoTheWeight() {
        RealSteer agent = steer(Admin.ENABLED, 50, 1.0);
        RealSteer ramp = steer(Admin.ENABLED, 100, 0.4);

        RealSteer combined = Steers.combine(agent, ramp);

        assertThat(combined).isEqualTo(steer(Admin.ENABLED, 50, 0.4));
        assertThat(combined.weightFrom(10)).isEqualTo(2);
    }

    @Test
    void aWeightOverrideIsKeptFromTheSourceThatSetIt() {
        RealSteer operator = new RealSteer(Admin.ENABLED, OptionalInt.of(7), 100, 1.0);

        assertThat(Steers.combine(RealSteer.NEUTRAL, operator).weight()).hasValue(7);
        assertThat(Steers.combine(operator, RealSteer.NEUTRAL).weight()).hasValue(7);
    }

    private static RealSteer steer(Admin admin, int percent, double ramp) {
        return new RealSteer(admin, OptionalInt.empty(), percent, ramp);
    }
}
