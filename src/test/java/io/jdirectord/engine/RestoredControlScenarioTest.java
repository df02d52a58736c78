package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.Protocol;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.decision.RealSteer.Admin;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.testing.EngineFixtures;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Controls a restart put back ({@link Monitor#restoreControls}) before the first configuration is applied:
 * the first table pass obeys them, so a disabled real server never enters the table, and a drain whose
 * deadline passed while the daemon was down ends in that pass.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RestoredControlScenarioTest {

    private static final String WEB = "ipvsadm -A -t 192.0.2.10:80 -s wrr";
    private static final String WEB_2 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 2";
    private static final String CONFIG = """
            checkinterval=1
            virtual=192.0.2.10:80
                real=10.0.0.1:80 masq
                real=10.0.0.2:80 masq 2
                checktype=connect
            """;
    private static final RealRef WEB_1 = new RealRef(
            VirtualServiceKey.ofAddress(Protocol.TCP, EngineFixtures.ip("192.0.2.10"), 80),
            EngineFixtures.endpoint("10.0.0.1", 80));

    @RegisterExtension
    final EngineScenario engine = new EngineScenario();

    private void restore(RealControl control) throws Exception {
        engine.monitor.restoreControls(Map.of(WEB_1, control));
        engine.startFirstRound(CONFIG);
    }

    private static RealControl control(Admin admin, OptionalInt weight, Optional<Instant> deadline) {
        return new RealControl(admin, weight, deadline, "uid 0 (root)", Instant.parse("2026-11-30T12:00:00Z"));
    }

    @Test
    void aRestoredDisabledRealServerNeverEntersTheTable() throws Exception {
        restore(control(Admin.DISABLED, OptionalInt.empty(), Optional.empty()));

        engine.awaitTable(WEB, WEB_2);
        assertThat(engine.events.lines()).noneMatch(line -> line.contains("-r 10.0.0.1:80"));
        assertThat(engine.monitor.controls().get(WEB_1).admin()).isEqualTo(Admin.DISABLED);
    }

    @Test
    void aRestoredWeightOverrideIsTheWeightTheRealServerEntersWith() throws Exception {
        restore(control(Admin.ENABLED, OptionalInt.of(7), Optional.empty()));

        engine.awaitTable(WEB, "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 7", WEB_2);
        assertThat(engine.events.lines()).noneMatch(line -> line.contains("-r 10.0.0.1:80 -m -w 1"));
    }

    @Test
    void aDrainWhoseDeadlinePassedWhileStoppedEndsInTheFirstPass() throws Exception {
        restore(control(Admin.DRAINING, OptionalInt.empty(), Optional.of(Instant.parse("2026-11-30T12:01:00Z"))));

        engine.awaitTable(WEB, WEB_2);
        engine.awaitEvent("10.0.0.1:80 in tcp:192.0.2.10:80 drained: 0 connections");
        assertThat(engine.events.lines()).noneMatch(line -> line.contains("-r 10.0.0.1:80"));
        assertThat(engine.monitor.controls().get(WEB_1).admin()).isEqualTo(Admin.DRAINED);
    }
}
