package io.jdirectord.daemon.report;

import io.jdirectord.config.Config;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.decision.IpvsSettings;
import io.jdirectord.ipvs.DestinationKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The table keys of the configured real servers of one configuration, by virtual service: whether a
 * destination is a configured real server, in constant time. A pass that adds 10,000 real servers asked
 * that of a list of 10,000 for each of them (10^8 keys built at start). Immutable.
 *
 * @param config the configuration they were read from (compared by identity)
 */
record ConfiguredDestinations(Config config, Map<VirtualServiceKey, Set<DestinationKey>> keys) {

    static ConfiguredDestinations of(Config config) {
        Map<VirtualServiceKey, Set<DestinationKey>> keys = new HashMap<>();
        for (VirtualService virtual : config.virtualServices()) {
            Set<DestinationKey> reals = new HashSet<>();
            for (RealServer real : virtual.reals()) {
                reals.add(IpvsSettings.destinationKey(virtual, real));
            }
            keys.put(virtual.key(), Set.copyOf(reals));
        }
        return new ConfiguredDestinations(config, Map.copyOf(keys));
    }

    /** Whether {@code destination} is a configured real server of {@code virtual}. */
    boolean contains(VirtualService virtual, DestinationKey destination) {
        return keys.getOrDefault(virtual.key(), Set.of()).contains(destination);
    }
}
