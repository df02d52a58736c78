package io.jdirectord.ipvs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service with the destinations it has (actual) or should have (desired), in a stable order.
 *
 * @param service      its settings
 * @param destinations its destinations, at most one per {@link DestinationKey}
 */
public record ServiceState(IpvsService service, List<IpvsDestination> destinations) {

    public ServiceState {
        destinations = List.copyOf(destinations);
    }

    public ServiceKey key() {
        return service.key();
    }

    /** The destinations by key, in order. */
    public Map<DestinationKey, IpvsDestination> byKey() {
        Map<DestinationKey, IpvsDestination> map = new LinkedHashMap<>();
        destinations.forEach(d -> map.put(d.key(), d));
        return map;
    }

    /** A listed service without its counters. */
    public static ServiceState of(ServiceEntry entry) {
        return new ServiceState(
                entry.service(),
                entry.destinations().stream()
                        .map(ServiceEntry.DestinationEntry::destination)
                        .toList());
    }
}
