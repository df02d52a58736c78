package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PassPacingTest {

    private static final long MS = 1_000_000;

    private final PassPacing pacing = new PassPacing();

    @Test
    void theFirstPassStartsAtOnce() {
        assertThat(pacing.waitBefore(5 * MS)).isZero();
    }

    @Test
    void aPassRightAfterAnotherWaitsAsLongAsThatOneTook() {
        pacing.passed(1_000 * MS, 1_080 * MS);

        assertThat(pacing.waitBefore(1_080 * MS)).isEqualTo(80 * MS);
        assertThat(pacing.waitBefore(1_130 * MS)).isEqualTo(30 * MS);
    }

    @Test
    void aPassAfterAQuietSpellStartsAtOnce() {
        pacing.passed(1_000 * MS, 1_080 * MS);

        assertThat(pacing.waitBefore(1_160 * MS)).isZero();
        assertThat(pacing.waitBefore(9_000 * MS)).isZero();
    }

    @Test
    void theWaitIsBoundedHoweverLongThePassTook() {
        pacing.passed(0, 3_000 * MS);

        assertThat(pacing.waitBefore(3_000 * MS)).isEqualTo(PassPacing.MOST.toNanos());
    }
}
