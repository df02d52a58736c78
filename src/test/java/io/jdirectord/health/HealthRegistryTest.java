package io.jdirectord.health;

import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.endpoint;
import static io.jdirectord.testing.EngineFixtures.probe;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Config;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.VirtualService;
import io.jdirectord.health.HealthEvent.SoftFailure;
import io.jdirectord.health.HealthEvent.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HealthRegistryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final HealthRegistry registry = new HealthRegistry();

    @Test
    void countsOneResultOnceForEveryVirtualServiceSharingTheProbe() {
        // Given one real server in two virtual services with failurecount 3 (ldirectord defect #2)
        VirtualService web = tcp("192.0.2.10", 80)
                .timing(TEN_SECONDS, 3, 1)
                .real(real("10.0.0.1", 80))
                .build();
        VirtualService alt = tcp("192.0.2.11", 80)
                .timing(TEN_SECONDS, 3, 1)
                .real(real("10.0.0.1", 80))
                .build();
        Config config = config(false, web, alt);
        Set<HealthKey> keys = HealthKey.allOf(config);
        registry.configure(keys, keys, T0);

        // When the probe fails twice
        ProbeSpec probe = web.probeFor(web.reals().get(0));
        registry.record(probe, CheckResult.down("refused"), T0);
        List<HealthEvent> second = registry.record(probe, CheckResult.down("refused"), T0);

        // Then both virtual services share one state that is still up after two of three failures
        assertThat(keys).hasSize(1);
        assertThat(second)
                .singleElement()
                .isInstanceOfSatisfying(
                        SoftFailure.class, soft -> assertThat(soft.failures()).isEqualTo(2));
        assertThat(registry.snapshot()
                        .get(HealthKey.of(alt, alt.reals().get(0)))
                        .status())
                .isEqualTo(HealthStatus.UP);
        assertThat(second.get(0).changesTable()).isFalse();
    }

    @Test
    void keepsASeparateStatePerThresholdFedByTheSameResults() {
        VirtualService strict = tcp("192.0.2.10", 80)
                .timing(TEN_SECONDS, 1, 1)
                .real(real("10.0.0.1", 80))
                .build();
        VirtualService lenient = tcp("192.0.2.11", 80)
                .timing(TEN_SECONDS, 2, 1)
                .real(real("10.0.0.1", 80))
                .build();
        Set<HealthKey> keys = HealthKey.allOf(config(false, strict, lenient));
        registry.configure(keys, keys, T0);

        registry.record(strict.probeFor(strict.reals().get(0)), CheckResult.down("refused"), T0);

        HealthSnapshot snapshot = registry.snapshot();
        assertThat(snapshot.get(HealthKey.of(strict, strict.reals().get(0))).status())
                .isEqualTo(HealthStatus.DOWN);
        assertThat(snapshot.get(HealthKey.of(lenient, lenient.reals().get(0))).status())
                .isEqualTo(HealthStatus.UP);
    }

    @Test
    void reconfiguringKeepsTheCountsOfUnchangedKeysAndDropsRemovedOnes() {
        HealthKey kept = new HealthKey(probe("10.0.0.1", 80), 3, 1);
        HealthKey dropped = new HealthKey(probe("10.0.0.2", 80), 3, 1);
        HealthKey added = new HealthKey(probe("10.0.0.3", 80), 3, 1);
        registry.configure(List.of(kept, dropped), Set.of(kept, dropped), T0);
        registry.record(kept.probe(), CheckResult.down("refused"), T0);

        registry.configure(List.of(kept, added), Set.of(), T0.plusSeconds(5));
        List<HealthEvent> events = registry.record(kept.probe(), CheckResult.down("refused"), T0.plusSeconds(6));

        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        SoftFailure.class, soft -> assertThat(soft.failures()).isEqualTo(2));
        assertThat(registry.snapshot().entries()).containsOnlyKeys(kept, added);
        assertThat(registry.snapshot().get(added).status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(registry.record(dropped.probe(), CheckResult.down("refused"), T0))
                .isEmpty();
    }

    @Test
    void maintenanceAppliesToEveryKeyProbingTheRealServerAndToKeysAddedLater() {
        HealthKey http = new HealthKey(probe("10.0.0.1", 80), 1, 1);
        HealthKey later = new HealthKey(probe("10.0.0.1", 80), 2, 1);
        registry.configure(List.of(http), Set.of(http), T0);

        List<HealthEvent> entering = registry.maintenance(endpoint("10.0.0.1", 80), true, T0);
        List<HealthEvent> again = registry.maintenance(endpoint("10.0.0.1", 80), true, T0);
        List<HealthEvent> added = registry.configure(List.of(http, later), Set.of(later), T0);

        assertThat(entering).singleElement().isInstanceOf(Transition.class);
        assertThat(entering.get(0).changesTable()).isTrue();
        assertThat(again).isEmpty();
        assertThat(added)
                .singleElement()
                .isInstanceOfSatisfying(
                        Transition.class, t -> assertThat(t.key()).isEqualTo(later));
        assertThat(registry.snapshot().get(later).status()).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void snapshotIsACopyThatLaterResultsDoNotChange() {
        HealthKey key = new HealthKey(probe("10.0.0.1", 80), 1, 1);
        registry.configure(List.of(key), Set.of(), T0);
        HealthSnapshot before = registry.snapshot();

        registry.record(key.probe(), CheckResult.up("ok"), T0);

        assertThat(before.get(key).status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(registry.snapshot().get(key).status()).isEqualTo(HealthStatus.UP);
    }
}
