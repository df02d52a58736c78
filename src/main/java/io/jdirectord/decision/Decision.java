package io.jdirectord.decision;

import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.ipvs.TableState;
import java.util.Set;

/**
 * What {@link DesiredState#compute} decided.
 *
 * @param table              the desired contents of every configured service
 * @param withoutRealServers the virtual services with no real server up (their fallback, if any, is in
 *                           the table); the input of {@link FallbackCommands#changes}
 */
public record Decision(TableState table, Set<VirtualServiceKey> withoutRealServers) {

    public Decision {
        withoutRealServers = Set.copyOf(withoutRealServers);
    }
}
