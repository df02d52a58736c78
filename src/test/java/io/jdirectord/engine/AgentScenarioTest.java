package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Load agents in the whole engine ({@link EngineScenario}): each real server's agent, answered by script,
 * sets its share of the weight or takes it out; an agent that cannot be asked changes nothing.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AgentScenarioTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String SERVICE = "ipvsadm -A -t 192.0.2.10:80 -s wrr";
    private static final String REAL_2 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 10";
    private static final String AGENT_1 = "10.0.0.1:10000";

    /** Two real servers of weight 10, checked and asked by their agents every second. */
    private static final String WEB = """
            checkinterval=1
            failurecount=1
            repairinterval=0
            virtual=192.0.2.10:80
                real=10.0.0.1:80 masq 10
                real=10.0.0.2:80 masq 10
                checktype=connect
                agentport=10000
            """;

    @RegisterExtension
    final EngineScenario engine = new EngineScenario();

    @BeforeEach
    void create() throws Exception {}

    private static String real1(int weight) {
        return "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w " + weight;
    }

    private void start(String configuration) throws Exception {
        engine.startFirstRound(configuration);
        engine.awaitTable(SERVICE, real1(10), REAL_2);
    }

    @Test
    void anAgentThatAnswersFiftyPercentHalvesTheWeight() throws Exception {
        start(WEB);
        engine.agents.say(AGENT_1, "50%");

        engine.advance(SECOND);

        engine.awaitTable(SERVICE, real1(5), REAL_2);
        engine.awaitEvent("agent 10.0.0.1:10000: 50%");
        engine.awaitEvent("pass agent: ipvsadm -e -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 5");
    }

    @Test
    void anAgentThatAnswersDownTakesTheServerOutAndReadyPutsItBack() throws Exception {
        start(WEB);
        engine.agents.say(AGENT_1, "down # disk full");
        engine.advance(SECOND);
        engine.awaitTable(SERVICE, REAL_2);

        engine.agents.say(AGENT_1, "ready,up");
        engine.advance(SECOND);

        engine.awaitTable(SERVICE, real1(10), REAL_2);
    }

    @Test
    void anAgentThatDrainsKeepsTheServerListedAtWeightZero() throws Exception {
        start(WEB);
        engine.agents.say(AGENT_1, "drain");

        engine.advance(SECOND);

        engine.awaitTable(SERVICE, real1(0), REAL_2);
    }

    @Test
    void anUnreachableAgentChangesNothingAndIsReportedOnce() throws Exception {
        start(WEB);
        engine.agents.say(AGENT_1, "50%");
        engine.advance(SECOND);
        engine.awaitTable(SERVICE, real1(5), REAL_2);

        engine.agents.down(AGENT_1, "connection refused");
        engine.advance(SECOND.multipliedBy(3));
        engine.awaitEvent("agent 10.0.0.1:10000 failing: connection refused");

        assertThat(engine.table()).containsExactlyInAnyOrder(SERVICE, real1(5), REAL_2);
        assertThat(engine.events.lines()).containsOnlyOnce("agent 10.0.0.1:10000 failing: connection refused");
    }

    @Test
    void aGarbageAnswerChangesNothing() throws Exception {
        start(WEB);
        engine.agents.say(AGENT_1, "HTTP/1.1 400 Bad Request");

        engine.advance(SECOND.multipliedBy(2));

        engine.awaitEvent("agent 10.0.0.1:10000 failing: unreadable answer: HTTP/1.1 400 Bad Request");
        assertThat(engine.table()).containsExactlyInAnyOrder(SERVICE, real1(10), REAL_2);
    }

    @Test
    void anAgentNeverBringsUpAServerItsCheckHoldsDown() throws Exception {
        start(WEB);
        engine.checks.down("10.0.0.1:80", "connection refused");
        engine.agents.say(AGENT_1, "ready 100%");

        engine.advance(SECOND.multipliedBy(2));

        engine.awaitTable(SERVICE, REAL_2);
    }

    @Test
    void slowStartRampsFromTheAgentsShare() throws Exception {
        start(WEB.replace("agentport=10000", "agentport=10000\n    slowstart=10"));
        engine.agents.say(AGENT_1, "50%");
        engine.advance(SECOND);
        engine.awaitTable(SERVICE, real1(5), REAL_2);
        engine.checks.down("10.0.0.1:80", "connection refused");
        engine.advance(SECOND);
        engine.awaitTable(SERVICE, REAL_2);
        engine.checks.up("10.0.0.1:80");
        engine.advance(SECOND);
        engine.awaitTable(SERVICE, real1(1), REAL_2);

        engine.advance(SECOND.multipliedBy(4));

        engine.awaitTable(SERVICE, real1(2), REAL_2);
    }
}
