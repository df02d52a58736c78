package io.jdirectord.schedule;

import io.jdirectord.config.CheckType;
import io.jdirectord.config.Config;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The probes a configuration needs: one per distinct {@link ProbeSpec}, checktype on and off excluded. */
public final class ScheduledProbes {

    private ScheduledProbes() {}

    /**
     * Every distinct probe of {@code config} in file order. A probe used by several virtual services runs
     * at the shortest of their checkintervals, so each gets results at least as often as it asked.
     */
    public static List<ScheduledProbe> from(Config config) {
        Map<ProbeSpec, Duration> intervals = new LinkedHashMap<>();
        for (VirtualService virtual : config.virtualServices()) {
            CheckType type = virtual.check().type();
            if (type == CheckType.ON || type == CheckType.OFF) {
                continue;
            }
            Duration interval = virtual.timing().checkInterval();
            for (RealServer real : virtual.reals()) {
                intervals.merge(virtual.probeFor(real), interval, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        return intervals.entrySet().stream()
                .map(e -> new ScheduledProbe(e.getKey(), e.getValue()))
                .toList();
    }
}
