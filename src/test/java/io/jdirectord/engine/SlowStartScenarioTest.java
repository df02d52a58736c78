package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow start in the whole engine ({@link EngineScenario}): a real server that comes back up grows to its
 * weight over slowstart seconds, one step per table pass, while the manual clock advances.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlowStartScenarioTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String SERVICE = "ipvsadm -A -t 192.0.2.10:80 -s wlc";
    private static final String REAL_2 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 10";

    /** Two real servers of weight 10 probed every second, ramping over 10 seconds when they come back. */
    private static final String WEB = """
            checkinterval=1
            failurecount=1
            quiescent=no
            repairinterval=0
            virtual=192.0.2.10:80
                real=10.0.0.1:80 masq 10
                real=10.0.0.2:80 masq 10
                checktype=connect
                scheduler=wlc
                slowstart=10
            """;

    @RegisterExtension
    final EngineScenario engine = new EngineScenario();

    private static String real1(int weight) {
        return "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w " + weight;
    }

    private void startAndTakeRealOneDown() throws Exception {
        engine.startFirstRound(WEB);
        engine.awaitTable(SERVICE, real1(10), REAL_2);
        engine.checks.down("10.0.0.1:80", "connection refused");
        engine.advance(SECOND);
        engine.awaitTable(SERVICE, REAL_2);
    }

    @Test
    void serversFoundUpAtStartGetTheirWholeWeightAtOnce() throws Exception {
        engine.startFirstRound(WEB);

        engine.awaitTable(SERVICE, real1(10), REAL_2);
        assertThat(engine.events.lines()).noneMatch(line -> line.startsWith("slow start"));
    }

    @Test
    void aServerThatComesBackStartsAtTheBottomAndGrowsWithEachPass() throws Exception {
        startAndTakeRealOneDown();
        engine.checks.up("10.0.0.1:80");

        engine.advance(SECOND);
        engine.awaitTable(SERVICE, real1(1), REAL_2);
        engine.awaitEvent("slow start 10.0.0.1:80");

        engine.advance(SECOND.multipliedBy(5));
        engine.awaitTable(SERVICE, real1(5), REAL_2);
        engine.awaitEvent("pass slowstart: ipvsadm -e -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 5");

        engine.advance(SECOND.multipliedBy(3));
        engine.awaitTable(SERVICE, real1(8), REAL_2);
    }

    @Test
    void theRampEndsAtTheConfiguredWeightAndStopsChangingIt() throws Exception {
        startAndTakeRealOneDown();
        engine.checks.up("10.0.0.1:80");
        engine.advance(SECOND);
        engine.awaitTable(SERVICE, real1(1), REAL_2);

        engine.advance(SECOND.multipliedBy(10));
        engine.awaitTable(SERVICE, real1(10), REAL_2);
        int passes = passes();
        engine.advance(SECOND.multipliedBy(3));

        assertThat(engine.monitor.ramps()).isEmpty();
        assertThat(passes()).isEqualTo(passes);
    }

    @Test
    void aServerThatGoesDownWhileRampingStartsAgainFromTheBottom() throws Exception {
        startAndTakeRealOneDown();
        engine.checks.up("10.0.0.1:80");
        engine.advance(SECOND);
        engine.advance(SECOND.multipliedBy(5));
        engine.awaitTable(SERVICE, real1(5), REAL_2);

        engine.checks.down("10.0.0.1:80", "connection refused");
        engine.advance(SECOND);
        engine.awaitTable(SERVICE, REAL_2);
        engine.checks.up("10.0.0.1:80");
        engine.advance(SECOND);

        engine.awaitTable(SERVICE, real1(1), REAL_2);
    }

    @Test
    void aServerAddedByAReloadRamps() throws Exception {
        engine.startFirstRound(WEB);
        engine.awaitTable(SERVICE, real1(10), REAL_2);

        engine.reload(WEB + "    real=10.0.0.3:80 masq 10\n");
        engine.advance(Duration.ZERO);

        engine.awaitTable(SERVICE, real1(10), REAL_2, "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.3:80 -m -w 1");
    }

    @Test
    void aServiceWithoutSlowstartPutsAServerBackAtItsWholeWeight() throws Exception {
        engine.startFirstRound(WEB.replace("slowstart=10", "slowstart=0"));
        engine.checks.down("10.0.0.1:80", "connection refused");
        engine.advance(SECOND);
        engine.awaitTable(SERVICE, REAL_2);
        engine.checks.up("10.0.0.1:80");

        engine.advance(SECOND);

        engine.awaitTable(SERVICE, real1(10), REAL_2);
        assertThat(engine.monitor.ramps()).isEmpty();
    }

    private int passes() {
        return (int) engine.events.lines().stream()
                .filter(line -> line.startsWith("pass "))
                .count();
    }
}
