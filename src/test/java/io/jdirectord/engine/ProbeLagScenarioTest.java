package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.health.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failed results the monitor's own lateness or stall spoiled do not take a real server out ({@link EngineScenario},
 * results handed to the monitor as the scheduler would, the stall watch ticked by hand).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProbeLagScenarioTest {

    private static final String SERVICE = "ipvsadm -A -t 192.0.2.10:80 -s wrr";
    private static final String REAL = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 1";

    /** One real server, out after one failure; checktimeout 4 s, so a run may lose 2 s. */
    private static final String ONE = """
            checkinterval=10
            checktimeout=4
            virtual=192.0.2.10:80
                real=10.0.0.1:80 masq
                checktype=connect
            """;

    @RegisterExtension
    final EngineScenario engine = new EngineScenario();

    private ProbeSpec probe;

    @BeforeEach
    void start() throws Exception {
        engine.startFirstRound(ONE);
        engine.awaitTable(SERVICE, REAL);
        var virtual = engine.monitor.running().config().virtualServices().get(0);
        probe = virtual.probeFor(virtual.reals().get(0));
    }

    private static CheckResult timedOut(Duration after) {
        return new CheckResult(false, "connect timeout after 4000 ms", after, OptionalInt.empty());
    }

    private HealthStatus health() {
        return engine.monitor
                .health()
                .snapshot()
                .get(io.jdirectord.health.HealthKey.of(
                        engine.monitor.running().config().virtualServices().get(0),
                        engine.monitor
                                .running()
                                .config()
                                .virtualServices()
                                .get(0)
                                .reals()
                                .get(0)))
                .status();
    }

    @Test
    void aFailureOfARunThatStartedFarTooLateDoesNotCount() {
        engine.monitor.onResult(probe, timedOut(Duration.ofSeconds(4)), engine.clock.instant(), Duration.ofSeconds(3));

        engine.awaitEvent("inconclusive 10.0.0.1:80 (late-start)");
        assertThat(health()).isEqualTo(HealthStatus.UP);
        assertThat(engine.table()).containsExactlyInAnyOrder(SERVICE, REAL);
    }

    @Test
    void aFailureOfARunTheMonitorStalledThroughDoesNotCountButTheNextOneDoes() {
        StallWatch watch = engine.monitor.stallWatch();
        watch.tick();
        Instant started = engine.clock.instant();
        engine.clock.advance(Duration.ofSeconds(3));
        watch.tick();
        engine.clock.advance(Duration.ofSeconds(1));

        engine.monitor.onResult(
                probe,
                timedOut(Duration.between(started, engine.clock.instant())),
                engine.clock.instant(),
                Duration.ZERO);

        engine.awaitEvent("inconclusive 10.0.0.1:80 (stall)");
        assertThat(health()).isEqualTo(HealthStatus.UP);

        engine.clock.advance(Duration.ofSeconds(10));
        engine.monitor.onResult(probe, timedOut(Duration.ofSeconds(4)), engine.clock.instant(), Duration.ZERO);

        engine.awaitTable(SERVICE);
        assertThat(health()).isEqualTo(HealthStatus.DOWN);
    }
}
