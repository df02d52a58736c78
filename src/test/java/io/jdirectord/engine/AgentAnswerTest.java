package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.decision.RealSteer;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agent-check subset: each answer line read after another, and the steering it asks for. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AgentAnswerTest {

    private static final AgentAnswer DRAINED_AT_75 = new AgentAnswer(75, AgentAnswer.State.DRAIN, "");

    @ParameterizedTest(name = "after \"{0}\" the line \"{1}\" reads as {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "100%        | 50%                 | 50%",
                "100%        | 75% up              | 75%",
                "100%        | '  30%,ready  '     | 30%",
                "100%        | 0%                  | 0%",
                "100%        | 250%                | 100%",
                "100%        | drain               | drain 100%",
                "100%        | maint               | maint 100%",
                "100%        | down                | down 100%",
                "100%        | stopped             | down 100%",
                "100%        | fail                | down 100%",
                "100%        | DOWN # disk full    | down 100%",
                "drain 75%   | 50%                 | drain 50%",
                "drain 75%   | ready               | 75%",
                "drain 75%   | up                  | 75%",
                "down 100%   | ready 20%           | 20%",
                "100%        | hello 40% world     | 40%",
            })
    void readsEachLineOnTopOfTheLastAnswer(String before, String line, String after) {
        assertThat(parse(before).then(line).map(AgentAnswer::text)).contains(after);
    }

    @ParameterizedTest(name = "\"{0}\" is not an answer")
    @CsvSource(
            delimiter = '|',
            value = {"''", "'   '", "HTTP/1.1 400 Bad Request", "# only a description", "50 percent", "-5%"})
    void aLineWithoutAWordOfTheProtocolIsNotAnAnswer(String line) {
        assertThat(AgentAnswer.NEUTRAL.then(line)).isEqualTo(Optional.empty());
    }

    @Test
    void theTextAfterAHashIsTheDescription() {
        assertThat(AgentAnswer.NEUTRAL
                        .then("maint # kernel upgrade, back at 10:00")
                        .map(AgentAnswer::description))
                .contains("kernel upgrade, back at 10:00");
    }

    @Test
    void maintAndDownDisableTheServer() {
        assertThat(parse("maint 100%").steer().admin()).isEqualTo(RealSteer.Admin.DISABLED);
        assertThat(parse("down 100%").steer().admin()).isEqualTo(RealSteer.Admin.DISABLED);
    }

    @Test
    void drainIsAShareOfZeroWhileTheServerStaysEnabled() {
        assertThat(DRAINED_AT_75.steer())
                .isEqualTo(new RealSteer(RealSteer.Admin.ENABLED, OptionalInt.empty(), 0, 1.0));
    }

    @Test
    void aShareIsTheWeightPercent() {
        assertThat(parse("40%").steer().weightFrom(10)).isEqualTo(4);
        assertThat(AgentAnswer.NEUTRAL.steer()).isEqualTo(RealSteer.NEUTRAL);
    }

    /** An answer from its {@link AgentAnswer#text()}. */
    private static AgentAnswer parse(String text) {
        return AgentAnswer.NEUTRAL.then(text).orElseThrow();
    }
}
