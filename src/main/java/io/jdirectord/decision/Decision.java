package io.jdirectord.decision;

import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.ipvs.TableState;
import java.util.Map;
import java.util.Set;

/**
 * What {@link DesiredState#compute} decided.
 *
 * @param table              the desired contents of every configured service
 * @param withoutRealServers the virtual services below their quorum: fewer real servers up than
 *                           {@code quorum} (1 by default: none up), with its hysteresis (their fallback, if
 *                           any, is in the table); the input of {@link FallbackCommands#changes}
 * @param failsafe           the virtual services whose table the failsafe holds, and why
 */
public record Decision(
        TableState table, Set<VirtualServiceKey> withoutRealServers, Map<VirtualServiceKey, FailsafeHold> failsafe) {

    public Decision {
        withoutRealServers = Set.copyOf(withoutRealServers);
        failsafe = Map.copyOf(failsafe);
    }

    /** A decision without failsafe holds. */
    public Decision(TableState table, Set<VirtualServiceKey> withoutRealServers) {
        this(table, withoutRealServers, Map.of());
    }
}
