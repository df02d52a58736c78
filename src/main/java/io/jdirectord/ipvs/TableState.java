package io.jdirectord.ipvs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contents of an IPVS table, desired or actual: services with their destinations, without counters.
 * A desired TableState names only the services the configuration manages; the {@link Reconciler} leaves
 * every other service alone.
 */
public record TableState(List<ServiceState> services) {

    public static final TableState EMPTY = new TableState(List.of());

    public TableState {
        services = List.copyOf(services);
    }

    /** The table as listed by {@link IpvsTable#services()}, counters dropped. */
    public static TableState of(List<ServiceEntry> listed) {
        return new TableState(listed.stream().map(ServiceState::of).toList());
    }

    public Optional<ServiceState> service(ServiceKey key) {
        return services.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The services by key, in order. */
    public Map<ServiceKey, ServiceState> byKey() {
        Map<ServiceKey, ServiceState> map = new LinkedHashMap<>();
        services.forEach(s -> map.put(s.key(), s));
        return map;
    }
}
