package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.decision.RealSteer.Admin;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.testing.EngineFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Operators' commands on the whole engine ({@link EngineScenario}): disable, enable, drain, weight, on one
 * real server of one virtual service or on an address in every service; drains end by the connections the
 * table lists or by their deadline on the manual clock; health wins.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OperatorControlScenarioTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String ROOT = "uid 0 (root)";
    private static final String WEB = "ipvsadm -A -t 192.0.2.10:80 -s wrr";
    private static final String WEB_1 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 1";
    private static final String WEB_1_AT_0 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 0";
    private static final String WEB_2 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 2";
    private static final String TLS = "ipvsadm -A -t 192.0.2.10:443 -s wrr";
    private static final String TLS_1 = "ipvsadm -a -t 192.0.2.10:443 -r 10.0.0.1:443 -m -w 1";
    private static final String TLS_2 = "ipvsadm -a -t 192.0.2.10:443 -r 10.0.0.2:443 -m -w 1";

    /** Two services on the same two real servers; drains wait 30 seconds at most unless told otherwise. */
    private static final String CONFIG = """
            checkinterval=1
            failurecount=1
            quiescent=no
            draintime=30
            virtual=192.0.2.10:80
                real=10.0.0.1:80 masq
                real=10.0.0.2:80 masq 2
                checktype=connect
            virtual=192.0.2.10:443
                real=10.0.0.1:443 masq
                real=10.0.0.2:443 masq
                checktype=connect
            """;

    @RegisterExtension
    final EngineScenario engine = new EngineScenario();

    @BeforeEach
    void start() throws Exception {
        engine.startFirstRound(CONFIG);
        engine.awaitTable(WEB, WEB_1, WEB_2, TLS, TLS_1, TLS_2);
    }

    private ControlAnswer command(String line) {
        return engine.monitor.control(List.of(line.split(" ")), ROOT);
    }

    /** Moves time on and runs a pass on this thread, so that what the table shows now is that pass's. */
    private void advanceAndPass(Duration by) {
        engine.advance(by);
        engine.monitor.repair();
    }

    @Test
    void disableTakesOneRealServerOutOfOneServiceAndEnableBringsItBack() {
        ControlAnswer disabled = command("disable tcp:192.0.2.10:80 10.0.0.1:80");

        assertThat(disabled.ok()).isTrue();
        assertThat(disabled.text()).isEqualTo("10.0.0.1:80 in tcp:192.0.2.10:80 disabled (was enabled)");
        engine.awaitTable(WEB, WEB_2, TLS, TLS_1, TLS_2);
        engine.awaitEvent("control disable tcp:192.0.2.10:80 10.0.0.1:80 by uid 0 (root): ok: " + disabled.text());

        command("enable tcp:192.0.2.10:80 10.0.0.1:80");
        engine.awaitTable(WEB, WEB_1, WEB_2, TLS, TLS_1, TLS_2);
        assertThat(engine.monitor.controls()).isEmpty();
    }

    @Test
    void aCommandForAnAddressActsInEveryServiceThatUsesIt() {
        ControlAnswer disabled = command("disable 10.0.0.1");

        assertThat(disabled.matched()).hasSize(2);
        assertThat(disabled.changed()).isEqualTo(2);
        engine.awaitTable(WEB, WEB_2, TLS, TLS_2);
        assertThat(command("disable all 10.0.0.1").changed()).isZero();
        assertThat(command("disable all 10.0.0.1").text())
                .contains("10.0.0.1:443 in tcp:192.0.2.10:443 already disabled");
    }

    @Test
    void drainSetsWeightZeroAtOnceAndEndsWhenTheConnectionsReachZero() {
        engine.flaky.connections("10.0.0.1:80", 3);

        command("drain tcp:192.0.2.10:80 10.0.0.1:80");
        engine.awaitTable(WEB, WEB_1_AT_0, WEB_2, TLS, TLS_1, TLS_2);
        advanceAndPass(SECOND.multipliedBy(5));
        assertThat(engine.table()).contains(WEB_1_AT_0);

        engine.flaky.connections("10.0.0.1:80", 0);
        engine.advance(SECOND);

        engine.awaitTable(WEB, WEB_2, TLS, TLS_1, TLS_2);
        engine.awaitEvent("10.0.0.1:80 in tcp:192.0.2.10:80 drained: 0 connections");
        assertThat(engine.monitor.controls().values())
                .extracting(RealControl::admin)
                .containsExactly(Admin.DRAINED);
    }

    @Test
    void drainEndsAtItsDeadlineWithConnectionsLeft() {
        engine.flaky.connections("10.0.0.1:80", 2);
        command("drain 10 tcp:192.0.2.10:80 10.0.0.1:80");
        engine.awaitTable(WEB, WEB_1_AT_0, WEB_2, TLS, TLS_1, TLS_2);

        advanceAndPass(SECOND.multipliedBy(9));
        assertThat(engine.table()).contains(WEB_1_AT_0);

        engine.advance(SECOND);
        engine.awaitTable(WEB, WEB_2, TLS, TLS_1, TLS_2);
        engine.awaitEvent("10.0.0.1:80 in tcp:192.0.2.10:80 drain deadline passed with 4 connections");
    }

    @Test
    void drainTakesItsDeadlineFromDraintime() {
        engine.flaky.connections("10.0.0.1:80", 1);
        Instant now = engine.clock.instant();

        ControlAnswer answer = command("drain tcp:192.0.2.10:80 10.0.0.1:80");

        assertThat(answer.text()).endsWith("draining until " + now.plusSeconds(30) + " (was enabled)");
    }

    @Test
    void aFailingRealServerIsOutAtOnceWhileDraining() {
        engine.flaky.connections("10.0.0.1:80", 5);
        command("drain tcp:192.0.2.10:80 10.0.0.1:80");
        engine.awaitTable(WEB, WEB_1_AT_0, WEB_2, TLS, TLS_1, TLS_2);

        engine.checks.down("10.0.0.1:80", "connection refused");
        engine.advance(SECOND);

        engine.awaitTable(WEB, WEB_2, TLS, TLS_1, TLS_2);
    }

    @Test
    void enableAfterADrainBringsTheRealServerBackAtItsWeight() {
        command("drain tcp:192.0.2.10:80 10.0.0.1:80");
        engine.awaitTable(WEB, WEB_2, TLS, TLS_1, TLS_2);
        engine.awaitEvent("10.0.0.1:80 in tcp:192.0.2.10:80 drained: 0 connections");

        ControlAnswer enabled = command("enable tcp:192.0.2.10:80 10.0.0.1:80");

        assertThat(enabled.text()).isEqualTo("10.0.0.1:80 in tcp:192.0.2.10:80 enabled (was drained)");
        engine.awaitTable(WEB, WEB_1, WEB_2, TLS, TLS_1, TLS_2);
    }

    @Test
    void enableDoesNotBringBackARealServerThatIsDown() {
        command("disable 10.0.0.1");
        engine.checks.down("10.0.0.1:80", "connection refused");
        engine.advance(SECOND);

        command("enable 10.0.0.1");
        engine.awaitTable(WEB, WEB_2, TLS, TLS_1, TLS_2);
        advanceAndPass(Duration.ZERO);
        assertThat(engine.table()).doesNotContain(WEB_1);
    }

    @Test
    void weightOverridesTheConfiguredWeightUntilReset() {
        command("weight 7 tcp:192.0.2.10:80 10.0.0.2:80");
        engine.awaitTable(WEB, WEB_1, "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 7", TLS, TLS_1, TLS_2);
        engine.awaitEvent("pass control: ipvsadm -e -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 7");

        command("weight reset tcp:192.0.2.10:80 10.0.0.2:80");
        engine.awaitTable(WEB, WEB_1, WEB_2, TLS, TLS_1, TLS_2);
    }

    @Test
    void anUnknownOrIllFormedTargetIsAnErrorAnswerThatChangesNothing() {
        assertThat(command("disable tcp:192.0.2.10:80 10.0.0.9:80").text())
                .isEqualTo("no real server 10.0.0.9:80 in tcp:192.0.2.10:80");
        assertThat(command("disable udp:192.0.2.10:80 10.0.0.1:80").text())
                .isEqualTo("no virtual service udp:192.0.2.10:80 (see jdirectord status)");
        assertThat(command("disable tcp:192.0.2.10:80 web1.example").text())
                .startsWith("not a real server: \"web1.example\"");
        assertThat(command("weight 70000 10.0.0.1").text())
                .isEqualTo("weight must be a whole number from 0 to 65535, not \"70000\"");
        assertThat(command("reboot 10.0.0.1").ok()).isFalse();
        assertThat(engine.monitor.controls()).isEmpty();
    }

    @Test
    void aReloadForgetsTheControlsOfRealServersItRemoves() throws Exception {
        command("disable 10.0.0.1");

        engine.reload(CONFIG.replace("    real=10.0.0.1:443 masq\n", ""));

        engine.awaitEvent("control dropped 10.0.0.1:443 in tcp:192.0.2.10:443: no longer configured");
        assertThat(engine.monitor.controls())
                .containsOnlyKeys(new RealRef(
                        VirtualServiceKey.ofAddress(
                                io.jdirectord.config.Protocol.TCP, EngineFixtures.ip("192.0.2.10"), 80),
                        EngineFixtures.endpoint("10.0.0.1", 80)));
    }
}
