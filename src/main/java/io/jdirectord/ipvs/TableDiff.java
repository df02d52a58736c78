package io.jdirectord.ipvs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fewest operations that turn the actual table into the desired one, for the desired services
 * only. Pure. Per desired service, in this order: add it (then all its destinations) or edit it when
 * its settings differ; add missing destinations; edit destinations whose forwarding, weight or
 * thresholds differ; delete destinations it should not have. Adds come before deletes so that swapping
 * a real server for the fallback never leaves a service empty. Then retired services still listed are
 * deleted. Services neither desired nor retired are never touched.
 *
 * <p>Equality is the kernel's: Local forwarding equals Masq (the kernel reports local destinations as
 * Local), an empty netmask equals the kernel default (255.255.255.255, /128), the netmask is ignored
 * without persistence, and desired keys are compared in {@link PortForcing effective form}.
 */
public final class TableDiff {

    private static final int IPV4_DEFAULT_MASK = 0xFFFFFFFF;
    private static final int IPV6_DEFAULT_PREFIX = 128;

    private TableDiff() {}

    public static List<IpvsOp> between(TableState desired, TableState actual, Set<ServiceKey> retired) {
        Map<ServiceKey, ServiceState> listed = actual.byKey();
        List<IpvsOp> ops = new ArrayList<>();
        for (ServiceState wanted : desired.services()) {
            ServiceState found = listed.get(wanted.key());
            if (found == null) {
                ops.add(new IpvsOp.AddService(wanted.service()));
                effective(wanted).values().forEach(d -> ops.add(new IpvsOp.AddDestination(wanted.key(), d)));
            } else {
                if (!sameService(wanted.service(), found.service())) {
                    ops.add(new IpvsOp.EditService(wanted.service()));
                }
                destinations(wanted.key(), effective(wanted), found.byKey(), ops);
            }
        }
        for (ServiceKey key : retired) {
            if (listed.containsKey(key) && desired.service(key).isEmpty()) {
                ops.add(new IpvsOp.DeleteService(key));
            }
        }
        return ops;
    }

    private static void destinations(
            ServiceKey service,
            Map<DestinationKey, IpvsDestination> wanted,
            Map<DestinationKey, IpvsDestination> found,
            List<IpvsOp> ops) {
        List<IpvsOp> edits = new ArrayList<>();
        for (IpvsDestination d : wanted.values()) {
            IpvsDestination current = found.get(d.key());
            if (current == null) {
                ops.add(new IpvsOp.AddDestination(service, d));
            } else if (!sameDestination(d, current)) {
                edits.add(new IpvsOp.EditDestination(service, d));
            }
        }
        ops.addAll(edits);
        for (DestinationKey key : found.keySet()) {
            if (!wanted.containsKey(key)) {
                ops.add(new IpvsOp.DeleteDestination(service, key));
            }
        }
    }

    /** The desired destinations in effective form; the first of several with one key wins. */
    private static Map<DestinationKey, IpvsDestination> effective(ServiceState service) {
        Map<DestinationKey, IpvsDestination> byKey = new LinkedHashMap<>();
        for (IpvsDestination d : service.destinations()) {
            IpvsDestination forced = PortForcing.apply(service.key(), d);
            byKey.putIfAbsent(forced.key(), forced);
        }
        return byKey;
    }

    static boolean sameService(IpvsService wanted, IpvsService found) {
        return wanted.scheduler().equals(found.scheduler())
                && wanted.persistence().equals(found.persistence())
                && wanted.onePacket() == found.onePacket()
                && wanted.schedFlags() == found.schedFlags()
                && wanted.persistenceEngine().equals(found.persistenceEngine())
                && (wanted.persistence().isEmpty() || netmask(wanted) == netmask(found));
    }

    private static int netmask(IpvsService service) {
        int fallback = service.key().inet6() ? IPV6_DEFAULT_PREFIX : IPV4_DEFAULT_MASK;
        return service.netmask().orElse(fallback);
    }

    static boolean sameDestination(IpvsDestination wanted, IpvsDestination found) {
        return forwarding(wanted.forwarding()) == forwarding(found.forwarding())
                && wanted.weight() == found.weight()
                && wanted.upperThreshold() == found.upperThreshold()
                && wanted.lowerThreshold() == found.lowerThreshold();
    }

    private static ForwardingMethod forwarding(ForwardingMethod method) {
        return method == ForwardingMethod.LOCAL ? ForwardingMethod.MASQ : method;
    }
}
