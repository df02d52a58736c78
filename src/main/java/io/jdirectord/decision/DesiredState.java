package io.jdirectord.decision;

import io.jdirectord.config.Config;
import io.jdirectord.config.Fallback;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthSnapshot;
import io.jdirectord.health.ProbeHealth;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.PortForcing;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceState;
import io.jdirectord.ipvs.TableState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the table the configuration wants from the health of its real servers: a pure function, no
 * I/O and no clock. The current table is an input only for readdquiescent (whether a quiesced server
 * is still listed).
 *
 * <p>Every configured virtual service is in the desired table with the settings of {@link IpvsSettings}.
 * Its destinations follow this table, row by row for each real server ("up" is the real's status under
 * its {@link HealthKey}; health makes checktype=on UP and checktype=off DOWN):
 *
 * <pre>
 * status            quiescent  listed now  readdquiescent  desired destination
 * UP                any        any         any             present: dynamic weight if the check reported
 *                                                          one, else the configured weight; configured
 *                                                          forwarding and thresholds
 * DOWN or UNKNOWN   no         any         any             absent
 * DOWN or UNKNOWN   yes        yes         any             present, weight 0, thresholds 0 (quiesced)
 * DOWN or UNKNOWN   yes        no          yes             present, weight 0, thresholds 0 (re-added)
 * DOWN or UNKNOWN   yes        no          no              absent (someone removed it: leave it out)
 * </pre>
 *
 * <p>{@link Steering} then acts on a real server's row by its {@link RealSteer.Admin admin} state; health
 * wins, so a real server that is not UP follows the rows above whatever its steering:
 *
 * <pre>
 * UP and ENABLED    present at {@link RealSteer#weightFrom} of its dynamic, else configured, weight
 * UP and DISABLED   as DOWN (absent, or quiesced when the service is quiescent)
 * UP and DRAINING   present, weight 0, configured thresholds (new connections go elsewhere)
 * any, DRAINED      absent
 * </pre>
 *
 * Only an UP and ENABLED real server counts as up for the fallback and {@link Decision#withoutRealServers}.
 *
 * The fallback server is present, weight 1, its own forwarding, thresholds 0, exactly when no real
 * server of the service is UP; its port is the virtual's when the configuration gave none. Keys are in
 * {@link PortForcing effective form} (direct routing and tunnelling take the virtual port). When several
 * entries map to one key the first up one wins, else the first; the fallback wins over a quiesced real.
 */
public final class DesiredState {

    private DesiredState() {}

    /**
     * @param config   the running configuration (its virtual services and readdquiescent)
     * @param health   every key's status and dynamic weight
     * @param steering the operator's and the traffic rules' say on each real server
     * @param listed   the table as listed now
     */
    public static Decision compute(Config config, HealthSnapshot health, Steering steering, List<ServiceEntry> listed) {
        TableState actual = TableState.of(listed);
        boolean readdQuiescent = config.globals().readdQuiescent();
        List<ServiceState> services = new ArrayList<>();
        Set<VirtualServiceKey> withoutReals = new HashSet<>();
        for (VirtualService virtual : config.virtualServices()) {
            IpvsService service = IpvsSettings.service(virtual);
            Set<DestinationKey> listedKeys =
                    actual.service(service.key()).map(s -> s.byKey().keySet()).orElse(Set.of());
            Destinations destinations = new Destinations();
            boolean anyUp = false;
            for (RealServer real : virtual.reals()) {
                ProbeHealth probe = health.get(HealthKey.of(virtual, real));
                RealSteer steer = steering.of(virtual.key(), real.endpoint());
                boolean in = probe.isUp() && steer.admin() == RealSteer.Admin.ENABLED;
                anyUp |= in;
                realDestination(virtual, real, probe, steer, listedKeys, readdQuiescent)
                        .ifPresent(d -> destinations.offer(d, in));
            }
            if (!anyUp) {
                withoutReals.add(virtual.key());
                virtual.fallback().ifPresent(f -> destinations.force(fallbackDestination(virtual, f)));
            }
            services.add(new ServiceState(service, destinations.list()));
        }
        return new Decision(new TableState(services), withoutReals);
    }

    private static Optional<IpvsDestination> realDestination(
            VirtualService virtual,
            RealServer real,
            ProbeHealth probe,
            RealSteer steer,
            Set<DestinationKey> listed,
            boolean readdQuiescent) {
        DestinationKey key = IpvsSettings.destinationKey(virtual, real);
        if (steer.admin() == RealSteer.Admin.DRAINED) {
            return Optional.empty();
        }
        if (probe.isUp() && steer.admin() != RealSteer.Admin.DISABLED) {
            int weight = steer.admin() == RealSteer.Admin.DRAINING
                    ? 0
                    : steer.weightFrom(probe.weight().orElse(real.weight()));
            return Optional.of(new IpvsDestination(
                    key,
                    IpvsSettings.forwarding(real.forwarding()),
                    weight,
                    real.upperThreshold(),
                    real.lowerThreshold()));
        }
        if (virtual.quiescent() && (listed.contains(key) || readdQuiescent)) {
            return Optional.of(new IpvsDestination(key, IpvsSettings.forwarding(real.forwarding()), 0, 0, 0));
        }
        return Optional.empty();
    }

    private static IpvsDestination fallbackDestination(VirtualService virtual, Fallback fallback) {
        return new IpvsDestination(
                IpvsSettings.fallbackKey(virtual, fallback), IpvsSettings.forwarding(fallback.forwarding()), 1, 0, 0);
    }

    /** Destinations of one service by key, with the precedence rules of the class comment. */
    private static final class Destinations {
        private final Map<DestinationKey, IpvsDestination> byKey = new LinkedHashMap<>();
        private final Set<DestinationKey> up = new HashSet<>();

        void offer(IpvsDestination destination, boolean isUp) {
            DestinationKey key = destination.key();
            if (!byKey.containsKey(key) || (isUp && !up.contains(key))) {
                byKey.put(key, destination);
                if (isUp) {
                    up.add(key);
                }
            }
        }

        void force(IpvsDestination destination) {
            byKey.put(destination.key(), destination);
        }

        List<IpvsDestination> list() {
            return List.copyOf(byKey.values());
        }
    }
}
