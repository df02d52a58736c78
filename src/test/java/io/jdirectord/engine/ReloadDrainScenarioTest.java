package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reload that removes a real server or a whole virtual service while draintime is set drains it
 * ({@link EngineScenario}): weight 0 at once, out when the table lists it with 0 connections or at the
 * deadline on the manual clock; a removed service goes when its last real server has; a real server
 * configured again during its drain is managed again; without draintime it is cut, as before.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReloadDrainScenarioTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String WEB = "ipvsadm -A -t 192.0.2.10:80 -s wrr";
    private static final String WEB_1 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 1";
    private static final String WEB_2 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 2";
    private static final String WEB_2_AT_0 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 0";
    private static final String TLS = "ipvsadm -A -t 192.0.2.10:443 -s wrr";
    private static final String TLS_1 = "ipvsadm -a -t 192.0.2.10:443 -r 10.0.0.1:443 -m -w 1";
    private static final String TLS_1_AT_0 = "ipvsadm -a -t 192.0.2.10:443 -r 10.0.0.1:443 -m -w 0";
    private static final String WEB_2_LINE = "    real=10.0.0.2:80 masq 2\n";
    private static final String TLS_LINES = """
            virtual=192.0.2.10:443
                real=10.0.0.1:443 masq
                checktype=connect
            """;

    /** Two services; drains wait 30 seconds at most. */
    private static final String CONFIG = """
            checkinterval=1
            failurecount=1
            quiescent=no
            draintime=30
            virtual=192.0.2.10:80
                real=10.0.0.1:80 masq
                real=10.0.0.2:80 masq 2
                checktype=connect
            """ + TLS_LINES;

    @RegisterExtension
    final EngineScenario engine = new EngineScenario();

    private void start(String config) throws Exception {
        engine.startFirstRound(config);
        engine.awaitTable(WEB, WEB_1, WEB_2, TLS, TLS_1);
    }

    /** Moves time on and runs a pass on this thread, so that what the table shows now is that pass's. */
    private void advanceAndPass(Duration by) {
        engine.advance(by);
        engine.monitor.repair();
    }

    @Test
    void aRemovedRealServerWithConnectionsStaysAtWeightZeroAndLeavesAtZeroConnections() throws Exception {
        start(CONFIG);
        engine.flaky.connections("10.0.0.2:80", 3);
        Instant now = engine.clock.instant();

        engine.reload(CONFIG.replace(WEB_2_LINE, ""));

        assertThat(engine.table()).containsExactlyInAnyOrder(WEB, WEB_1, WEB_2_AT_0, TLS, TLS_1);
        engine.awaitEvent("10.0.0.2:80 in tcp:192.0.2.10:80 removed by reload, draining until " + now.plusSeconds(30));
        advanceAndPass(SECOND.multipliedBy(5));
        assertThat(engine.table()).contains(WEB_2_AT_0);
        assertThat(engine.monitor.removedDrains()).hasSize(1);

        engine.flaky.connections("10.0.0.2:80", 0);
        engine.advance(SECOND);

        engine.awaitTable(WEB, WEB_1, TLS, TLS_1);
        engine.awaitEvent("10.0.0.2:80 in tcp:192.0.2.10:80 drained: 0 connections");
        assertThat(engine.monitor.removedDrains()).isEmpty();
    }

    @Test
    void aRemovedRealServerLeavesAtTheDeadlineWithConnectionsLeft() throws Exception {
        start(CONFIG);
        engine.flaky.connections("10.0.0.2:80", 2);
        engine.reload(CONFIG.replace(WEB_2_LINE, ""));

        advanceAndPass(SECOND.multipliedBy(29));
        assertThat(engine.table()).contains(WEB_2_AT_0);

        engine.advance(SECOND);
        engine.awaitTable(WEB, WEB_1, TLS, TLS_1);
        engine.awaitEvent("10.0.0.2:80 in tcp:192.0.2.10:80 drain deadline passed with 4 connections");
    }

    @Test
    void aRemovedServiceDrainsItsRealServersAndIsDeletedWhenTheLastHasGone() throws Exception {
        start(CONFIG);
        engine.flaky.connections("10.0.0.1:443", 1);

        engine.reload(CONFIG.replace(TLS_LINES, ""));

        assertThat(engine.table()).containsExactlyInAnyOrder(WEB, WEB_1, WEB_2, TLS, TLS_1_AT_0);
        advanceAndPass(SECOND.multipliedBy(3));
        assertThat(engine.table()).contains(TLS, TLS_1_AT_0);

        engine.flaky.connections("10.0.0.1:443", 0);
        engine.advance(SECOND);

        engine.awaitTable(WEB, WEB_1, WEB_2);
        engine.awaitEvent("10.0.0.1:443 in tcp:192.0.2.10:443 drained: 0 connections");
    }

    @Test
    void aRealServerConfiguredAgainDuringItsDrainIsManagedAgainWithItsNewSettings() throws Exception {
        start(CONFIG);
        engine.flaky.connections("10.0.0.2:80", 3);
        engine.reload(CONFIG.replace(WEB_2_LINE, ""));
        assertThat(engine.table()).contains(WEB_2_AT_0);

        engine.reload(CONFIG.replace(WEB_2_LINE, "    real=10.0.0.2:80 masq 5\n"));

        assertThat(engine.table())
                .containsExactlyInAnyOrder(
                        WEB, WEB_1, "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 5", TLS, TLS_1);
        engine.awaitEvent("10.0.0.2:80 in tcp:192.0.2.10:80 configured again, drain cancelled");
        assertThat(engine.monitor.removedDrains()).isEmpty();
        engine.checks.down("10.0.0.2:80", "connection refused");
        engine.advance(SECOND);
        engine.awaitTable(WEB, WEB_1, TLS, TLS_1);
    }

    @Test
    void aServiceConfiguredAgainDuringItsDrainIsManagedAgain() throws Exception {
        start(CONFIG);
        engine.flaky.connections("10.0.0.1:443", 1);
        engine.reload(CONFIG.replace(TLS_LINES, ""));

        engine.reload(CONFIG.replace("real=10.0.0.1:443 masq", "real=10.0.0.1:443 masq 4"));

        assertThat(engine.table())
                .containsExactlyInAnyOrder(
                        WEB, WEB_1, WEB_2, TLS, "ipvsadm -a -t 192.0.2.10:443 -r 10.0.0.1:443 -m -w 4");
        advanceAndPass(SECOND.multipliedBy(40));
        assertThat(engine.table()).contains(TLS, "ipvsadm -a -t 192.0.2.10:443 -r 10.0.0.1:443 -m -w 4");
    }

    @Test
    void withoutDraintimeARemovedRealServerAndServiceAreCutAtOnce() throws Exception {
        String config = CONFIG.replace("draintime=30\n", "");
        start(config);
        engine.flaky.connections("10.0.0.2:80", 3);
        engine.flaky.connections("10.0.0.1:443", 3);

        engine.reload(config.replace(WEB_2_LINE, "").replace(TLS_LINES, ""));

        assertThat(engine.table()).containsExactlyInAnyOrder(WEB, WEB_1);
        assertThat(engine.monitor.removedDrains()).isEmpty();
        assertThat(engine.events.lines()).noneMatch(line -> line.contains("drain"));
    }

    @Test
    void aRemovedRealServerThatIsDownIsCutAtOnce() throws Exception {
        start(CONFIG.replace("quiescent=no", "quiescent=yes"));
        engine.flaky.connections("10.0.0.2:80", 3);
        engine.checks.down("10.0.0.2:80", "connection refused");
        engine.advance(SECOND);
        engine.awaitTable(WEB, WEB_1, WEB_2_AT_0, TLS, TLS_1);

        engine.reload(CONFIG.replace("quiescent=no", "quiescent=yes").replace(WEB_2_LINE, ""));

        assertThat(engine.table()).containsExactlyInAnyOrder(WEB, WEB_1, TLS, TLS_1);
        assertThat(engine.monitor.removedDrains()).isEmpty();
    }

    @Test
    void aRemovalTheKernelRefusesIsRetriedByTheNextPass() throws Exception {
        start(CONFIG);
        engine.flaky.connections("10.0.0.1:443", 1);
        engine.reload(CONFIG.replace(TLS_LINES, ""));
        advanceAndPass(SECOND);
        engine.flaky.connections("10.0.0.1:443", 0);
        engine.flaky.refuseChanges(true);

        advanceAndPass(SECOND);

        assertThat(engine.table()).contains(TLS, TLS_1_AT_0);
        engine.awaitEvent("10.0.0.1:443 in tcp:192.0.2.10:443 drained: 0 connections");
        engine.flaky.refuseChanges(false);
        advanceAndPass(SECOND);
        assertThat(engine.table()).containsExactlyInAnyOrder(WEB, WEB_1, WEB_2);
    }

    @Test
    void stopDeletesAServiceKeptOnlyForItsDrainingRealServers() throws Exception {
        start(CONFIG.replace("quiescent=no", "quiescent=no\ncleanstop=no"));
        engine.flaky.connections("10.0.0.1:443", 1);
        engine.reload(
                CONFIG.replace("quiescent=no", "quiescent=no\ncleanstop=no").replace(TLS_LINES, ""));

        engine.monitor.stop();

        assertThat(engine.table()).containsExactlyInAnyOrder(WEB, WEB_1, WEB_2);
    }

    @Test
    void theDrainsOfSeveralReloadsGoOnSideBySide() throws Exception {
        start(CONFIG);
        engine.flaky.connections("10.0.0.2:80", 1);
        engine.flaky.connections("10.0.0.1:443", 1);
        engine.reload(CONFIG.replace(WEB_2_LINE, ""));
        advanceAndPass(SECOND.multipliedBy(10));

        engine.reload(CONFIG.replace(WEB_2_LINE, "").replace(TLS_LINES, ""));

        assertThat(engine.monitor.removedDrains())
                .extracting(drain -> drain.ref().real().toString())
                .containsExactly("10.0.0.2:80", "10.0.0.1:443");
        advanceAndPass(SECOND.multipliedBy(20));
        assertThat(engine.table()).containsExactlyInAnyOrder(WEB, WEB_1, TLS, TLS_1_AT_0);
        assertThat(List.copyOf(engine.events.lines()))
                .contains("10.0.0.2:80 in tcp:192.0.2.10:80 drain deadline passed with 2 connections");
    }
}
