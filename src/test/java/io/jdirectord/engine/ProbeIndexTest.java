package io.jdirectord.engine;

import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.VirtualService;
import io.jdirectord.health.HealthKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProbeIndexTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @Test
    void listsEveryVirtualServiceSharingAHealthKeyInFileOrder() {
        VirtualService web = tcp("192.0.2.10", 80)
                .timing(INTERVAL, 3, 1)
                .real(real("10.0.0.1", 80))
                .real(real("10.0.0.2", 80))
                .build();
        VirtualService alt = tcp("192.0.2.11", 80)
                .timing(INTERVAL, 3, 1)
                .real(real("10.0.0.1", 80))
                .build();
        ProbeIndex index = ProbeIndex.of(config(false, web, alt));

        HealthKey shared = HealthKey.of(web, web.reals().get(0));

        assertThat(index.usesOf(shared))
                .containsExactly(
                        new ProbeIndex.Use(web, web.reals().get(0)),
                        new ProbeIndex.Use(alt, alt.reals().get(0)));
        assertThat(index.usesOf(HealthKey.of(web, web.reals().get(1))))
                .containsExactly(new ProbeIndex.Use(web, web.reals().get(1)));
    }

    @Test
    void separatesVirtualServicesThatUseTheSameProbeWithOtherThresholds() {
        VirtualService strict = tcp("192.0.2.10", 80)
                .timing(INTERVAL, 1, 1)
                .real(real("10.0.0.1", 80))
                .build();
        VirtualService lenient = tcp("192.0.2.11", 80)
                .timing(INTERVAL, 2, 1)
                .real(real("10.0.0.1", 80))
                .build();
        ProbeIndex index = ProbeIndex.of(config(false, strict, lenient));

        assertThat(index.usesOf(HealthKey.of(lenient, lenient.reals().get(0))))
                .containsExactly(new ProbeIndex.Use(lenient, lenient.reals().get(0)));
        assertThat(index.usesOf(new HealthKey(strict.probeFor(strict.reals().get(0)), 5, 5)))
                .isEmpty();
    }

    @Test
    void givesTheUsesWithAMonitorFileApart() {
        VirtualService logged = tcp("192.0.2.10", 80)
                .real(real("10.0.0.1", 80))
                .monitorFile(Path.of("/var/log/web.monitor"))
                .build();
        VirtualService quiet = tcp("192.0.2.11", 80)
                .real(real("10.0.0.1", 80))
                .real(real("10.0.0.2", 80))
                .build();
        ProbeIndex index = ProbeIndex.of(config(false, logged, quiet));

        assertThat(index.monitorFileUsesOf(logged.probeFor(logged.reals().get(0))))
                .containsExactly(new ProbeIndex.Use(logged, logged.reals().get(0)));
        assertThat(index.monitorFileUsesOf(quiet.probeFor(quiet.reals().get(1))))
                .isEmpty();
    }

    @Test
    void handsOutItsOwnInstanceOfAnEqualProbe() {
        VirtualService web = tcp("192.0.2.10", 80).real(real("10.0.0.1", 80)).build();
        ProbeIndex index = ProbeIndex.of(config(false, web));
        ProbeSpec copy = web.probeFor(web.reals().get(0));
        ProbeSpec indexed = index.probes().iterator().next();

        assertThat(index.canonical(copy)).isSameAs(indexed).isNotSameAs(copy);
        assertThat(index.canonical(Set.of(HealthKey.of(web, web.reals().get(0)))))
                .singleElement()
                .satisfies(key -> assertThat(key.probe()).isSameAs(indexed));
        ProbeSpec other =
                tcp("192.0.2.11", 80).real(real("10.0.0.9", 80)).build().probeFor(real("10.0.0.9", 80));
        assertThat(index.canonical(other)).isSameAs(other);
    }
}
