package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HybridCheckTest {

    private final List<String> steps = new ArrayList<>();

    /** A step that records that it ran and answers from a script of results (up when the script runs out). */
    private final class ScriptedStep implements Check {
        private final String name;
        private final Duration timeout;
        private final Deque<Boolean> outcomes = new ArrayDeque<>();

        ScriptedStep(String name, Duration timeout, Boolean... outcomes) {
            this.name = name;
            this.timeout = timeout;
            this.outcomes.addAll(List.of(outcomes));
        }

        @Override
        public CheckResult run(Deadline deadline) {
            steps.add(name);
            boolean up = outcomes.isEmpty() || outcomes.pop();
            return up ? CheckResult.up("fine") : CheckResult.down("broken");
        }

        @Override
        public Duration timeout() {
            return timeout;
        }
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration NEGOTIATE_TIMEOUT = Duration.ofSeconds(9);

    private void probe(Check check, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            check.run(Deadline.after(Duration.ofSeconds(1)));
        }
    }

    @Test
    void negotiatesFirstThenConnectsNTimesBetweenNegotiates() throws Exception {
        HybridCheck check = new HybridCheck(
                3, new ScriptedStep("connect", CONNECT_TIMEOUT), new ScriptedStep("negotiate", NEGOTIATE_TIMEOUT));
        probe(check, 9);
        assertThat(steps)
                .containsExactly(
                        "negotiate",
                        "connect",
                        "connect",
                        "connect",
                        "negotiate",
                        "connect",
                        "connect",
                        "connect",
                        "negotiate");
    }

    @Test
    void negotiatesAfterAFailedConnect() throws Exception {
        HybridCheck check = new HybridCheck(
                3,
                new ScriptedStep("connect", CONNECT_TIMEOUT, true, false),
                new ScriptedStep("negotiate", NEGOTIATE_TIMEOUT));
        probe(check, 5);
        assertThat(steps).containsExactly("negotiate", "connect", "connect", "negotiate", "connect");
    }

    @Test
    void repeatsAFailedNegotiateUntilItPasses() throws Exception {
        HybridCheck check = new HybridCheck(
                2,
                new ScriptedStep("connect", CONNECT_TIMEOUT),
                new ScriptedStep("negotiate", NEGOTIATE_TIMEOUT, false, false, true));
        probe(check, 5);
        assertThat(steps).containsExactly("negotiate", "negotiate", "negotiate", "connect", "connect");
    }

    @Test
    void alwaysNegotiatesWhenNIsZero() throws Exception {
        HybridCheck check = new HybridCheck(
                0, new ScriptedStep("connect", CONNECT_TIMEOUT), new ScriptedStep("negotiate", NEGOTIATE_TIMEOUT));
        probe(check, 3);
        assertThat(steps).containsExactly("negotiate", "negotiate", "negotiate");
    }

    @Test
    void timeoutIsThatOfTheNextStep() throws Exception {
        HybridCheck check = new HybridCheck(
                1, new ScriptedStep("connect", CONNECT_TIMEOUT), new ScriptedStep("negotiate", NEGOTIATE_TIMEOUT));
        assertThat(check.timeout()).isEqualTo(NEGOTIATE_TIMEOUT);
        probe(check, 1);
        assertThat(check.negotiatesNext()).isFalse();
        assertThat(check.timeout()).isEqualTo(CONNECT_TIMEOUT);
        probe(check, 1);
        assertThat(check.timeout()).isEqualTo(NEGOTIATE_TIMEOUT);
    }

    @Test
    void namesTheStepInTheReason() throws Exception {
        HybridCheck check = new HybridCheck(
                1,
                new ScriptedStep("connect", CONNECT_TIMEOUT, false),
                new ScriptedStep("negotiate", NEGOTIATE_TIMEOUT));
        assertThat(check.run(Deadline.after(Duration.ofSeconds(1))).reason()).isEqualTo("negotiate: fine");
        CheckResult failed = check.run(Deadline.after(Duration.ofSeconds(1)));
        assertThat(failed.up()).isFalse();
        assertThat(failed.reason()).isEqualTo("connect: broken");
    }

    @Test
    void negotiatesAfterAConnectStepThatThrows() throws Exception {
        Check throwing = new Check() {
            @Override
            public CheckResult run(Deadline deadline) throws IOException {
                throw new IOException("boom");
            }

            @Override
            public Duration timeout() {
                return CONNECT_TIMEOUT;
            }
        };
        HybridCheck check = new HybridCheck(2, throwing, new ScriptedStep("negotiate", NEGOTIATE_TIMEOUT));
        probe(check, 1);
        assertThatThrownBy(() -> check.run(Deadline.after(Duration.ofSeconds(1))))
                .hasMessage("boom");
        assertThat(check.negotiatesNext()).isTrue();
    }
}
