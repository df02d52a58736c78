package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** failsafe (global and per virtual), quorum and hysteresis (per virtual): defaults, values, errors. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SafeguardDirectivesTest {

    private static final String HEAD = "virtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n";

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    @Test
    void aBareBlockHasNoFailsafeAndQuorumOne() {
        assertThat(fixture.only(HEAD).safeguards()).isEqualTo(Safeguards.NONE);
    }

    @Test
    void readsFailsafeQuorumAndHysteresisOfABlock() {
        VirtualService v = fixture.only(HEAD + "\tfailsafe=50\n\tquorum=3\n\thysteresis=1\n");

        assertThat(v.safeguards()).isEqualTo(new Safeguards(OptionalInt.of(50), 3, 1));
    }

    @Test
    void aBlockInheritsTheGlobalFailsafeAndMayOverrideIt() {
        Config config = fixture.parse(
                "failsafe=30\n" + HEAD + "virtual=192.0.2.11:80\n\treal=10.0.0.1:80 gate\n" + "\tfailsafe=70\n");

        assertThat(config.virtualServices())
                .extracting(v -> v.safeguards().failsafe())
                .containsExactly(OptionalInt.of(30), OptionalInt.of(70));
    }

    @Test
    void theSummaryShowsSafeguardsThatAreNotTheDefault() {
        Config config = fixture.parse(HEAD + "\tfailsafe=50\n\tquorum=2\n");

        assertThat(ConfigSummary.format(config)).contains("  failsafe 50%, quorum 2, hysteresis 0\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            failsafe=0       | failsafe must be a whole number from 1 to 99, not "0"
            failsafe=100     | failsafe must be a whole number from 1 to 99, not "100"
            failsafe=50%     | failsafe must be a whole number from 1 to 99, not "50%"
            quorum=0         | quorum must be a whole number from 1 to 2147483647, not "0"
            hysteresis=-1    | hysteresis must be a whole number from 0 to 2147483647, not "-1"
            hysteresis=1     | hysteresis must be below quorum (1), not 1
            """)
    void rejectsInvalidValuesAtTheirLine(String line, String expected) {
        assertThat(fixture.errors(HEAD + "\t" + line + "\n")).containsExactly("3: " + expected);
    }

    @Test
    void rejectsHysteresisNotBelowQuorumAtTheHysteresisLine() {
        assertThat(fixture.errors(HEAD + "\thysteresis=2\n\tquorum=2\n"))
                .containsExactly("3: hysteresis must be below quorum (2), not 2");
    }
}
