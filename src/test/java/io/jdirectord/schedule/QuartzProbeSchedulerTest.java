package io.jdirectord.schedule;

import static io.jdirectord.testing.EngineFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.check.Check;
import io.jdirectord.check.CheckResult;
import io.jdirectord.check.Deadline;
import io.jdirectord.config.ProbeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real Quartz with a 20 ms interval: the only scheduler test that waits for time to pass. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QuartzProbeSchedulerTest {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    private final ProbeSpec fast = probe("10.0.0.1", 80);
    private final ProbeSpec stuck = probe("10.0.0.2", 80);
    private final Map<ProbeSpec, AtomicInteger> results = new ConcurrentHashMap<>();
    private final AtomicInteger platformThreadRuns = new AtomicInteger();
    private final AtomicInteger stuckRunning = new AtomicInteger();
    private final AtomicInteger stuckOverlaps = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @Test
    void aStuckProbeNeitherDelaysOthersNorOverlapsItself() {
        try (QuartzProbeScheduler scheduler = QuartzProbeScheduler.start(
                spec -> spec.equals(stuck) ? stuckCheck() : fastCheck(),
                (spec, result, at) ->
                        results.computeIfAbsent(spec, s -> new AtomicInteger()).incrementAndGet())) {

            scheduler.schedule(List.of(new ScheduledProbe(fast, INTERVAL), new ScheduledProbe(stuck, INTERVAL)));

            await().atMost(Duration.ofSeconds(10)).until(() -> count(fast) >= 10);
            assertThat(count(stuck)).isZero();
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> count(stuck) >= 3);
        }
        assertThat(stuckOverlaps).hasValue(0);
        assertThat(platformThreadRuns).hasValue(0);
    }

    private int count(ProbeSpec spec) {
        return results.getOrDefault(spec, new AtomicInteger()).get();
    }

    private Check fastCheck() {
        return new Check() {
            @Override
            public CheckResult run(Deadline deadline) {
                if (!Thread.currentThread().isVirtual()) {
                    platformThreadRuns.incrementAndGet();
                }
                return CheckResult.up("ok");
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }
        };
    }

    private Check stuckCheck() {
        return new Check() {
            @Override
            public CheckResult run(Deadline deadline) throws InterruptedException {
                if (stuckRunning.incrementAndGet() > 1) {
                    stuckOverlaps.incrementAndGet();
                }
                try {
                    release.await();
                    return CheckResult.up("released");
                } finally {
                    stuckRunning.decrementAndGet();
                }
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
