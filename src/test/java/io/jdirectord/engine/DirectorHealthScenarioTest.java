package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.ServiceEntry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The director's health, the signal keepalived or Pacemaker fails over on, judged by the whole engine
 * in-process ({@link EngineScenario}): from start to the first round in the table, lost virtual services,
 * a table that refuses changes or cannot be listed, drift that cannot be repaired, and stalled probing.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DirectorHealthScenarioTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String SERVICE = "ipvsadm -A -t 192.0.2.10:80 -s wrr";
    private static final String REAL_1 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 1";
    private static final String REAL_2 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 1";

    /** Two virtual services probed every second (connect, checktimeout 2 s): a probe cycle is at most 3 s. */
    private static final String TWO_SERVICES = """
            checkinterval=1
            checktimeout=2
            negotiatetimeout=2
            quiescent=no
            repairinterval=0
            virtual=192.0.2.10:80
                real=10.0.0.1:80 masq
                real=10.0.0.2:80 masq
                checktype=connect
            virtual=192.0.2.20:80
                real=10.0.0.3:80 masq
                checktype=connect
            """;

    @RegisterExtension
    final EngineScenario engine = new EngineScenario();

    private final Set<String> flippedDown = new HashSet<>();

    private DirectorHealth health() {
        return engine.monitor.directorHealth();
    }

    private void awaitHealth(String line) {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(health().line()).isEqualTo(line));
    }

    private void startTwoServices() throws Exception {
        engine.startFirstRound(TWO_SERVICES);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(engine.table())
                        .containsExactlyInAnyOrder(
                                SERVICE,
                                REAL_1,
                                REAL_2,
                                "ipvsadm -A -t 192.0.2.20:80 -s wrr",
                                "ipvsadm -a -t 192.0.2.20:80 -r 10.0.0.3:80 -m -w 1"));
    }

    @Test
    void unhealthyUntilTheFirstRoundOfChecksHasReachedTheTable() throws Exception {
        assertThat(health().line()).isEqualTo("unhealthy: starting: no configuration in force yet");
        assertThat(health().trackValue()).isEqualTo(1000);

        engine.start(TWO_SERVICES);
        assertThat(health().line())
                .isEqualTo("unhealthy: starting: the first round of checks has not reached the table yet");

        engine.firstRound();
        awaitHealth("healthy: every virtual service has a real server up");
        assertThat(health().trackValue()).isZero();
    }

    @Test
    void theFirstRoundCountsOnlyOnceAPassHasPutItInTheTable() throws Exception {
        engine.start(TWO_SERVICES);
        engine.flaky.refuseChanges(true);
        engine.firstRound();
        assertThat(health().healthy()).isFalse();

        engine.flaky.refuseChanges(false);
        engine.monitor.repair();

        assertThat(health().line()).isEqualTo("healthy: every virtual service has a real server up");
    }

    @Test
    void countsTheVirtualServicesThatLostEveryRealServerWhileStayingHealthy() throws Exception {
        startTwoServices();
        engine.checks.down("10.0.0.1:80", "connection refused");
        engine.advance(SECOND);
        awaitHealth("healthy: every virtual service has a real server up");

        engine.checks.down("10.0.0.2:80", "connection refused");
        engine.advance(SECOND);
        awaitHealth("healthy: 1 virtual service has no real server up");
        assertThat(health().trackValue()).isEqualTo(1);

        engine.checks.down("10.0.0.3:80", "connection refused");
        engine.advance(SECOND);
        awaitHealth("healthy: 2 virtual services have no real server up");
        assertThat(health().trackValue()).isEqualTo(2);
    }

    @Test
    void unhealthyWhileTableChangesKeepFailingAndHealthyAgainAfterOnePassSucceeds() throws Exception {
        startTwoServices();
        engine.flaky.refuseChanges(true);

        flip("10.0.0.1:80");
        flip("10.0.0.2:80");
        assertThat(health().healthy()).isTrue();
        flip("10.0.0.1:80");

        awaitHealth("unhealthy: table changes keep failing: 3 passes in a row failed"
                + " (ipvsadm -d -t 192.0.2.10:80 -r 10.0.0.2:80: Cannot allocate memory)");
        assertThat(health().trackValue()).isEqualTo(1000);

        engine.flaky.refuseChanges(false);
        engine.checks.up("10.0.0.2:80");
        engine.advance(SECOND);
        awaitHealth("healthy: every virtual service has a real server up");
    }

    /**
     * Takes {@code real} down (when its last check was up) or up with the next check, and waits for the
     * pass that follows (one with operations: a pass with nothing to change succeeds).
     */
    private void flip(String real) {
        int passes = passes();
        if (flippedDown.add(real)) {
            engine.checks.down(real, "connection refused");
        } else {
            flippedDown.remove(real);
            engine.checks.up(real);
        }
        engine.advance(SECOND);
        await().atMost(Duration.ofSeconds(5)).until(() -> passes() > passes);
    }

    private int passes() {
        return (int) engine.events.lines().stream()
                .filter(line -> line.startsWith("pass "))
                .count();
    }

    @Test
    void unhealthyWhenTheTableCannotBeListedForRepair() throws Exception {
        startTwoServices();
        engine.flaky.refuseListing(true);

        engine.monitor.repair();
        assertThat(health().healthy()).isTrue();
        engine.monitor.repair();

        assertThat(health().line())
                .isEqualTo("unhealthy: drift cannot be repaired: 2 repair passes in a row failed"
                        + " (cannot list the table: netlink: Cannot allocate memory)");
    }

    @Test
    void unhealthyWhenDriftCannotBeRepaired() throws Exception {
        engine.startFirstRound(TWO_SERVICES.replace("repairinterval=0", "repairinterval=5"));
        ServiceEntry web = engine.table.services().getFirst();
        engine.table.apply(List.of(new IpvsOp.DeleteDestination(
                web.service().key(), web.destinations().getFirst().destination().key())));
        engine.flaky.refuseChanges(true);

        engine.advance(SECOND.multipliedBy(5));
        assertThat(health().healthy()).isTrue();
        engine.advance(SECOND.multipliedBy(5));

        assertThat(health().line())
                .isEqualTo("unhealthy: drift cannot be repaired: 2 repair passes in a row failed"
                        + " (ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 1: Cannot allocate memory)");
    }

    @Test
    void unhealthyWhenNoCheckResultCameForTwiceTheShortestProbeCycle() throws Exception {
        startTwoServices();

        engine.clock.advance(SECOND.multipliedBy(6));
        assertThat(health().healthy()).isTrue();
        engine.clock.advance(SECOND);

        assertThat(health().line())
                .isEqualTo("unhealthy: probing stalled: no check result for 7 s (expected within 6 s)");
        engine.advance(Duration.ZERO);
        assertThat(health().healthy()).isTrue();
    }
}
