package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** slowstart, agentport, agentinterval and agentsend: inheritance, defaults, errors, and the hashing warnings. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WeightShapingDirectivesTest {

    private static final String VIRTUAL = "virtual=192.0.2.10:80\n";
    private static final String REAL = "\treal=10.0.0.1:80 masq\n";

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    @Test
    void neitherSlowStartNorAnAgentWithoutTheDirectives() {
        assertThat(fixture.only(VIRTUAL + REAL).shaping()).isEqualTo(WeightShaping.NONE);
    }

    @Test
    void aVirtualInheritsTheGlobalSlowStartAndMayTurnItOff() {
        Config config =
                fixture.parse("slowstart=30\n" + VIRTUAL + REAL + "virtual=192.0.2.11:80\n" + REAL + "\tslowstart=0\n");
        assertThat(config.virtualServices().get(0).shaping().slowStart()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.virtualServices().get(1).shaping().slowStarts()).isFalse();
    }

    @Test
    void theAgentAsksEveryCheckintervalWithinChecktimeoutUnlessTold() {
        VirtualService v = fixture.only("checkinterval=3\nchecktimeout=2\n" + VIRTUAL + REAL + "\tagentport=10000\n");
        assertThat(v.shaping().agent())
                .contains(new WeightShaping.Agent(10000, Duration.ofSeconds(3), "", Duration.ofSeconds(2)));
    }

    @Test
    void theAgentsDeadlineIsNeverLongerThanItsInterval() {
        VirtualService v =
                fixture.only(VIRTUAL + REAL + "\tagentport=10000\n\tagentinterval=1\n\tagentsend=\"hello\"\n");
        assertThat(v.shaping().agent())
                .contains(new WeightShaping.Agent(10000, Duration.ofSeconds(1), "hello", Duration.ofSeconds(1)));
    }

    @Test
    void agentSettingsWithoutAnAgentportAskNoAgent() {
        assertThat(fixture.only(VIRTUAL + REAL + "\tagentinterval=2\n")
                        .shaping()
                        .agent())
                .isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "slowstart=-1|slowstart",
                "slowstart=86401|slowstart",
                "agentport=0|agentport",
                "agentport=65536|agentport",
                "agentinterval=0.01|agentinterval",
                "agentsend=|agentsend"
            })
    void rejectsAValueOutOfRange(String directive, String name) {
        assertThat(fixture.errors(VIRTUAL + REAL + "\t" + directive + "\n"))
                .singleElement()
                .satisfies(error -> assertThat(error).startsWith("3: ").contains(name));
    }

    @Test
    void warnsAtTheSlowstartLineOfAMaglevService() {
        assertThat(fixture.warnings(VIRTUAL + REAL + "\tscheduler=mh\n\tslowstart=10\n"))
                .singleElement()
                .satisfies(warning -> assertThat(warning).startsWith("4: ").contains("remaps part of the hash"));
    }

    @Test
    void warnsAtTheVirtualLineWhenASourceHashServiceInheritsSlowstart() {
        assertThat(fixture.warnings("slowstart=10\n" + VIRTUAL + REAL + "\tscheduler=sh\n\tschedflags=sh-fallback\n"))
                .singleElement()
                .satisfies(warning -> assertThat(warning).startsWith("2: ").contains("slowstart with scheduler sh"));
    }

    @Test
    void warnsWhenAQuiescentMaglevServiceHasNoMhFallback() {
        assertThat(fixture.warnings(VIRTUAL + REAL + "\tscheduler=mh\n\tquiescent=yes\n"))
                .singleElement()
                .satisfies(warning -> assertThat(warning).startsWith("4: ").contains("without schedflags mh-fallback"));
    }

    @Test
    void doesNotWarnWhenTheFallbackFlagIsSet() {
        assertThat(fixture.warnings(
                        VIRTUAL + REAL + "\tscheduler=mh\n\tquiescent=yes\n\tschedflags=mh-port,mh-fallback\n"))
                .isEmpty();
    }

    @Test
    void doesNotWarnAboutSlowstartOnAWeightedScheduler() {
        assertThat(fixture.warnings(VIRTUAL + REAL + "\tscheduler=wlc\n\tslowstart=10\n\tquiescent=yes\n"))
                .isEmpty();
    }
}
