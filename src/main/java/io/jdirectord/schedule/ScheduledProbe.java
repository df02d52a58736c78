package io.jdirectord.schedule;

import io.jdirectord.config.ProbeSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * A probe to run periodically.
 *
 * @param spec     what to probe; one distinct spec is one probe however many virtual services use it
 * @param interval time between the starts of two runs, at least 1 ms (sub-second allowed); kept in
 *                 whole milliseconds, the resolution of the timer
 */
public record ScheduledProbe(ProbeSpec spec, Duration interval) {

    public ScheduledProbe {
        Objects.requireNonNull(spec, "spec");
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("interval < 1 ms: " + interval);
        }
        interval = Duration.ofMillis(interval.toMillis());
    }
}
