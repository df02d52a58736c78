package io.jdirectord.health;

import io.jdirectord.config.Config;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The identity health state is kept under: a probe and the thresholds that turn its results into a
 * status. Every virtual service that contains the same probe with the same failurecount and risecount
 * shares one state, so one result is counted once however many virtual services use it (ldirectord
 * counted it once per virtual service, defect #2). Virtual services that use the same probe with
 * different thresholds get one state each, fed by the same results.
 *
 * @param probe        what is probed
 * @param failureCount consecutive failures that take an up server down, at least 1
 * @param riseCount    consecutive successes that bring a down server up, at least 1
 */
public record HealthKey(ProbeSpec probe, int failureCount, int riseCount) {

    public HealthKey {
        Objects.requireNonNull(probe, "probe");
        if (failureCount < 1) {
            throw new IllegalArgumentException("failureCount < 1: " + failureCount);
        }
        if (riseCount < 1) {
            throw new IllegalArgumentException("riseCount < 1: " + riseCount);
        }
    }

    /** The key under which {@code virtual} sees the health of {@code real}. */
    public static HealthKey of(VirtualService virtual, RealServer real) {
        return new HealthKey(
                virtual.probeFor(real),
                virtual.timing().failureCount(),
                virtual.timing().riseCount());
    }

    /** Every key a configuration needs, in file order, without duplicates. */
    public static Set<HealthKey> allOf(Config config) {
        Set<HealthKey> keys = new LinkedHashSet<>();
        for (VirtualService virtual : config.virtualServices()) {
            for (RealServer real : virtual.reals()) {
                keys.add(of(virtual, real));
            }
        }
        return keys;
    }

    /**
     * Written out as a record's would be: every result looks its key up, and the record's own goes through
     * method handles.
     */
    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof HealthKey that
                        && failureCount == that.failureCount
                        && riseCount == that.riseCount
                        && probe.equals(that.probe);
    }

    @Override
    public int hashCode() {
        return (31 * probe.hashCode() + failureCount) * 31 + riseCount;
    }
}
