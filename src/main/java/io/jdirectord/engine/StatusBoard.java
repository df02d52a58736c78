package io.jdirectord.engine;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.health.HealthKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What {@code jdirectord status} shows beside the table: each probe's last result and when each health
 * state last changed. Written from probe threads, read by the control socket. Thread-safe.
 */
public final class StatusBoard {

    /** A probe's latest result and when it finished. */
    public record LastResult(CheckResult result, Instant at) {}

    private final Map<ProbeSpec, Latest> results = new ConcurrentHashMap<>();
    private final Map<HealthKey, Instant> changes = new ConcurrentHashMap<>();

    void recordResult(ProbeSpec probe, CheckResult result, Instant at) {
        Latest latest = results.get(probe);
        if (latest == null) {
            latest = results.computeIfAbsent(probe, any -> new Latest());
        }
        latest.set(result, at);
    }

    void recordChange(HealthKey key, Instant at) {
        changes.put(key, at);
    }

    public Optional<LastResult> lastResult(ProbeSpec probe) {
        return Optional.ofNullable(results.get(probe)).flatMap(Latest::get);
    }

    public Optional<Instant> lastChange(HealthKey key) {
        return Optional.ofNullable(changes.get(key));
    }

    /** Forgets probes and keys no longer configured (after a reload). */
    void retain(Set<ProbeSpec> probes, Set<HealthKey> keys) {
        results.keySet().retainAll(probes);
        changes.keySet().retainAll(keys);
    }

    /**
     * One probe's latest result, updated in place: a result that says what the previous one said (up or
     * down, reason, weight; the usual case) keeps the previous result object and stores only its times as
     * numbers, so at 10,000 probes a second nothing of a result outlives the young generation (a new
     * {@link LastResult} per result lived a whole interval and was promoted, some 230 bytes a probe).
     */
    private static final class Latest {
        private @Nullable CheckResult verdict;
        private long elapsedNanos;
        private long atSecond;
        private int atNano;

        synchronized void set(CheckResult result, Instant at) {
            if (verdict == null || !sameVerdict(verdict, result)) {
                verdict = result;
            }
            elapsedNanos = result.elapsed().toNanos();
            atSecond = at.getEpochSecond();
            atNano = at.getNano();
        }

        synchronized Optional<LastResult> get() {
            if (verdict == null) {
                return Optional.empty();
            }
            CheckResult result = verdict.withElapsed(Duration.ofNanos(elapsedNanos));
            return Optional.of(new LastResult(result, Instant.ofEpochSecond(atSecond, atNano)));
        }

        private static boolean sameVerdict(CheckResult a, CheckResult b) {
            return a.up() == b.up()
                    && a.reason().equals(b.reason())
                    && a.weight().equals(b.weight());
        }
    }
}
