package io.jdirectord.decision;

import io.jdirectord.config.Config;
import io.jdirectord.config.Fallback;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.Safeguards;
import io.jdirectord.config.VirtualService;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthSnapshot;
import io.jdirectord.health.HealthStatus;
import io.jdirectord.health.ProbeHealth;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.PortForcing;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceKey;
import io.jdirectord.ipvs.ServiceState;
import io.jdirectord.ipvs.TableState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the table the configuration wants from the health of its real servers: a pure function, no
 * I/O and no clock. The current table is an input only for readdquiescent (whether a quiesced server
 * is still listed), the failsafe (which failing real servers are still listed with weight) and the hysteresis of the
 * quorum (whether the fallback server is listed).
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
 * Only an UP and ENABLED real server is "in" (counts for the quorum); an ENABLED one that is DOWN is
 * "failing"; both are "judged" by the failsafe. An operator's DISABLED, DRAINING or DRAINED is intended and
 * is neither, and an UNKNOWN real server (not checked yet) is not judged.
 *
 * <p>The {@link Failsafe} rule then acts on the whole service (failsafe = PERCENT). It weighs the service,
 * not one pass, so that failures reaching the table over several passes are held too:
 *
 * <pre>
 * failsafe  failing &times; 100 &gt; PERCENT &times; judged   a failing real listed with weight &gt; 0   result
 * off       any                                  any                                     every row as above
 * PERCENT   no                                   any                                     every row as above
 * PERCENT   any                                  none                                    every row as above
 * PERCENT   yes                                  some                                    each such real stays as
 *                                                                                        listed and is in; the
 *                                                                                        service is in
 *                                                                                        {@link Decision#failsafe}
 * </pre>
 *
 * <p>Then the quorum (quorum = N, hysteresis = H; 1 and 0 by default). With a fallback server, whether it is
 * listed now is the state of the hysteresis:
 *
 * <pre>
 * fallback server  fallback listed now  below quorum when  below quorum: fallback     the reals that are in
 * none             -                    in &lt; N             (fallbackcommand only)   stay
 * configured       no                   in &lt; N - H         present, weight 1        leave as if down (keepalived)
 * configured       yes                  in &lt; N + H         present, weight 1        leave as if down (keepalived)
 * </pre>
 *
 * A service below its quorum is in {@link Decision#withoutRealServers}, which drives the fallbackcommand.
 * The fallback server's destination has weight 1, its own forwarding, thresholds 0; its port is the
 * virtual's when the configuration gave none.
 *
 * <p>Last, the real servers a reload removed while their service's draintime was set ({@link RemovedReal}:
 * the service and the real server as the configuration that removed them had them) drain. They are not
 * checked, steered nor judged, never count for the quorum or the failsafe, and are never added back:
 *
 * <pre>
 * its service     listed now  its key taken by a configured   desired destination
 *                             real or the fallback
 * configured      yes         no                              present in the configured service, weight 0, its
 *                                                             old forwarding and thresholds
 * configured      yes         yes                             the configured real's or the fallback's
 * not configured  yes         -                               its old service, with its old settings, is
 *                                                             desired and holds it at weight 0, its old
 *                                                             forwarding and thresholds (and nothing else)
 * any             no          -                               absent
 * </pre>
 *
 * A service that is not configured and has no removed real server listed is not desired. Keys are in
 * {@link PortForcing effective form} (direct routing and tunnelling take the virtual port). When several
 * entries map to one key the first up one wins, else the first; the fallback wins over a quiesced real.
 */
public final class DesiredState {

    private DesiredState() {}

    /**
     * @param config   the running configuration (its virtual services and readdquiescent)
     * @param health   every key's status and dynamic weight
     * @param steering the operator's and the traffic rules' say on each real server
     * @param removed  the real servers that reloads removed and that drain
     * @param listed   the table as listed now
     */
    public static Decision compute(
            Config config,
            HealthSnapshot health,
            Steering steering,
            List<RemovedReal> removed,
            List<ServiceEntry> listed) {
        TableState actual = TableState.of(listed);
        Map<ServiceKey, List<IpvsDestination>> draining = draining(removed, actual);
        boolean readdQuiescent = config.globals().readdQuiescent();
        List<ServiceState> services = new ArrayList<>();
        Set<VirtualServiceKey> withoutReals = new HashSet<>();
        Map<VirtualServiceKey, FailsafeHold> holds = new HashMap<>();
        for (VirtualService virtual : config.virtualServices()) {
            IpvsService service = IpvsSettings.service(virtual);
            Map<DestinationKey, IpvsDestination> listedNow =
                    actual.service(service.key()).map(ServiceState::byKey).orElse(Map.of());
            List<RealRow> rows = new ArrayList<>();
            for (RealServer real : virtual.reals()) {
                rows.add(row(virtual, real, health, steering, listedNow, readdQuiescent));
            }
            Optional<FailsafeHold> hold = Failsafe.hold(virtual.safeguards().failsafe(), rows);
            if (hold.isPresent()) {
                holds.put(virtual.key(), hold.get());
                rows = Failsafe.apply(rows);
            }
            boolean below = belowQuorum(virtual, rows, listedNow.keySet());
            boolean demote = below && virtual.fallback().isPresent();
            Destinations destinations = new Destinations();
            for (RealRow row : rows) {
                quorumDestination(virtual, row, demote).ifPresent(d -> destinations.offer(d, row.in() && !demote));
            }
            if (below) {
                withoutReals.add(virtual.key());
                virtual.fallback().ifPresent(f -> destinations.force(fallbackDestination(virtual, f)));
            }
            draining.getOrDefault(service.key(), List.of()).forEach(destinations::offerIfFree);
            services.add(new ServiceState(service, destinations.list()));
        }
        services.addAll(removedServices(removed, draining, services));
        return new Decision(new TableState(services), withoutReals, holds);
    }

    /** The removed real servers that are listed, at weight 0 with their old forwarding and thresholds, by service. */
    private static Map<ServiceKey, List<IpvsDestination>> draining(List<RemovedReal> removed, TableState actual) {
        Map<ServiceKey, List<IpvsDestination>> draining = new LinkedHashMap<>();
        for (RemovedReal one : removed) {
            ServiceKey service = IpvsSettings.serviceKey(one.virtual().key());
            DestinationKey key = IpvsSettings.destinationKey(one.virtual(), one.real());
            boolean listed =
                    actual.service(service).map(s -> s.byKey().containsKey(key)).orElse(false);
            if (listed) {
                RealServer real = one.real();
                draining.computeIfAbsent(service, k -> new ArrayList<>())
                        .add(new IpvsDestination(
                                key,
                                IpvsSettings.forwarding(real.forwarding()),
                                0,
                                real.upperThreshold(),
                                real.lowerThreshold()));
            }
        }
        return draining;
    }

    /** The services no longer configured that still hold removed real servers listed, with their old settings. */
    private static List<ServiceState> removedServices(
            List<RemovedReal> removed, Map<ServiceKey, List<IpvsDestination>> draining, List<ServiceState> configured) {
        Set<ServiceKey> taken = new HashSet<>();
        configured.forEach(s -> taken.add(s.key()));
        List<ServiceState> services = new ArrayList<>();
        for (RemovedReal one : removed) {
            IpvsService service = IpvsSettings.service(one.virtual());
            if (draining.containsKey(service.key()) && taken.add(service.key())) {
                services.add(new ServiceState(service, draining.get(service.key())));
            }
        }
        return services;
    }

    private static RealRow row(
            VirtualService virtual,
            RealServer real,
            HealthSnapshot health,
            Steering steering,
            Map<DestinationKey, IpvsDestination> listed,
            boolean readdQuiescent) {
        ProbeHealth probe = health.get(HealthKey.of(virtual, real));
        RealSteer steer = steering.of(virtual.key(), real.endpoint());
        boolean enabled = steer.admin() == RealSteer.Admin.ENABLED;
        return new RealRow(
                probe.isUp() && enabled,
                probe.status() == HealthStatus.DOWN && enabled,
                Optional.ofNullable(listed.get(IpvsSettings.destinationKey(virtual, real))),
                realDestination(virtual, real, probe, steer, listed.keySet(), readdQuiescent));
    }

    /**
     * Whether the service is below its quorum: fewer real servers in than {@code quorum}; with a fallback
     * server, its presence in the table is the hysteresis state (listed: below until quorum + hysteresis
     * are in; not listed: below only under quorum - hysteresis).
     */
    private static boolean belowQuorum(VirtualService virtual, List<RealRow> rows, Set<DestinationKey> listed) {
        long in = rows.stream().filter(RealRow::in).count();
        Safeguards guards = virtual.safeguards();
        if (virtual.fallback().isEmpty()) {
            return in < guards.quorum();
        }
        boolean fallbackIn = listed.contains(
                IpvsSettings.fallbackKey(virtual, virtual.fallback().get()));
        return fallbackIn ? in < guards.quorum() + guards.hysteresis() : in < guards.quorum() - guards.hysteresis();
    }

    /**
     * A row's destination after the quorum: when {@code demote} (below it, with a fallback server), a real
     * server that is in leaves as a down one would (quiesced when the service is quiescent), as with
     * keepalived's sorry server.
     */
    private static Optional<IpvsDestination> quorumDestination(VirtualService virtual, RealRow row, boolean demote) {
        if (!demote || !row.in()) {
            return row.desired();
        }
        return virtual.quiescent()
                ? row.desired().map(d -> new IpvsDestination(d.key(), d.forwarding(), 0, 0, 0))
                : Optional.empty();
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

        /** Adds {@code destination} unless its key is taken. */
        void offerIfFree(IpvsDestination destination) {
            byKey.putIfAbsent(destination.key(), destination);
        }

        void force(IpvsDestination destination) {
            byKey.put(destination.key(), destination);
        }

        List<IpvsDestination> list() {
            return List.copyOf(byKey.values());
        }
    }
}
