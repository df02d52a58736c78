package io.jdirectord.schedule;

import io.jdirectord.check.Check;
import io.jdirectord.config.ProbeSpec;
import java.util.List;
import java.util.Map;

/**
 * The probes a scheduler is to run, with the checks already built for those it did not run yet: what
 * {@link ProbeScheduler#prepare} returns and {@link ProbeScheduler#schedule(PreparedProbes)} puts in force.
 * Building every check first is what lets a reload fail before it changes anything.
 *
 * @param probes every probe to run from now on
 * @param checks the new checks, by probe; probes already scheduled keep theirs and are not in it
 */
public record PreparedProbes(List<ScheduledProbe> probes, Map<ProbeSpec, Check> checks) {

    public PreparedProbes {
        probes = List.copyOf(probes);
        checks = Map.copyOf(checks);
    }
}
