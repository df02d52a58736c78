package io.jdirectord.decision;

import io.jdirectord.config.Config;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.health.HealthKey;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceKey;
import io.jdirectord.ipvs.ServiceState;
import io.jdirectord.ipvs.TableState;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which health keys start UP at start and reload, as in ldirectord: a real server that some virtual
 * service using the key already has in the table with weight &gt; 0 is presumed up until its checks say
 * otherwise, so adopting a running table changes nothing. Every other key starts UNKNOWN and is not added
 * before its first result (no add-then-remove churn, ldirectord defect #14).
 */
public final class PresumedUp {

    private PresumedUp() {}

    /** The keys of {@code config} presumed up given the table as listed now. */
    public static Set<HealthKey> from(Config config, List<ServiceEntry> listed) {
        Map<ServiceKey, ServiceState> table = TableState.of(listed).byKey();
        Set<HealthKey> presumed = new LinkedHashSet<>();
        for (VirtualService virtual : config.virtualServices()) {
            ServiceState service = table.get(IpvsSettings.serviceKey(virtual.key()));
            if (service == null) {
                continue;
            }
            Map<DestinationKey, IpvsDestination> destinations = service.byKey();
            for (RealServer real : virtual.reals()) {
                IpvsDestination found = destinations.get(IpvsSettings.destinationKey(virtual, real));
                if (found != null && found.weight() > 0) {
                    presumed.add(HealthKey.of(virtual, real));
                }
            }
        }
        return presumed;
    }
}
