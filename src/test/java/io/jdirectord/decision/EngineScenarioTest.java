package io.jdirectord.decision;

import static io.jdirectord.decision.DesiredStateTest.dest;
import static io.jdirectord.decision.DesiredStateTest.entry;
import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Config;
import io.jdirectord.config.Forwarding;
import io.jdirectord.config.VirtualService;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthRegistry;
import io.jdirectord.ipvs.DryRunIpvsTable;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.ReconcileReport;
import io.jdirectord.ipvs.Reconciler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Health, decision and reconciler together, the way the daemon wires them, against the dry-run table. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EngineScenarioTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final VirtualService web = tcp("192.0.2.10", 80)
            .real(real("10.0.0.1", 8080, Forwarding.GATE, 1))
            .real(real("10.0.0.2", 8080, Forwarding.GATE, 2))
            .fallback("127.0.0.9", 0, Forwarding.GATE)
            .build();
    private final Config config = config(false, web);
    private final HealthRegistry health = new HealthRegistry();
    private final List<String> commands = new ArrayList<>();

    @Test
    void adoptsATableLdirectordBuiltWithoutASingleOperation() {
        DryRunIpvsTable table = new DryRunIpvsTable(List.of(entry(
                web,
                dest("10.0.0.1", 80, ForwardingMethod.ROUTE, 1),
                dest("10.0.0.2", 80, ForwardingMethod.ROUTE, 2))));
        health.configure(HealthKey.allOf(config), PresumedUp.from(config, table.services()), T0);

        ReconcileReport report = reconcile(table);

        assertThat(report.isEmpty()).isTrue();
    }

    @Test
    void startsWithoutAddingAndRemovingRealServersThatAreDown() {
        DryRunIpvsTable table = new DryRunIpvsTable();
        health.configure(HealthKey.allOf(config), PresumedUp.from(config, table.services()), T0);
        reconcile(table);

        health.record(web.probeFor(web.reals().get(0)), CheckResult.down("refused"), T0.plusSeconds(1));
        reconcile(table);
        health.record(web.probeFor(web.reals().get(1)), CheckResult.up("HTTP 200"), T0.plusSeconds(1));
        reconcile(table);

        assertThat(commands)
                .containsExactly(
                        "ipvsadm -A -t 192.0.2.10:80 -s wrr",
                        "ipvsadm -a -t 192.0.2.10:80 -r 127.0.0.9:80 -g -w 1",
                        "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -g -w 2",
                        "ipvsadm -d -t 192.0.2.10:80 -r 127.0.0.9:80");
    }

    private ReconcileReport reconcile(DryRunIpvsTable table) {
        Decision decision = DesiredState.compute(config, health.snapshot(), Steering.NONE, List.of(), table.services());
        ReconcileReport report = new Reconciler(table).reconcile(decision.table(), table.services(), Set.of());
        report.applied().stream().map(IpvsOp::toIpvsadm).forEach(commands::add);
        return report;
    }
}
