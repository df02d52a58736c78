package io.jdirectord.daemon;

import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.daemon.status.StatusReport;
import io.jdirectord.daemon.status.StatusSource;
import io.jdirectord.decision.FailsafeHold;
import io.jdirectord.decision.IpvsSettings;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.engine.AgentHeard;
import io.jdirectord.engine.DirectorHealth;
import io.jdirectord.engine.Monitor;
import io.jdirectord.engine.RealControl;
import io.jdirectord.engine.RemovedDrain;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthSnapshot;
import io.jdirectord.health.ProbeLabel;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds the {@link StatusReport} of the running monitor from configuration, health and the table as listed
 * now; the director's health alone is read without listing the table.
 */
final class StatusCollector implements StatusSource {

    private final Monitor monitor;
    private final DaemonOptions options;
    private final Clock clock;
    private final Instant started;

    StatusCollector(Monitor monitor, DaemonOptions options, Clock clock) {
        this.monitor = monitor;
        this.options = options;
        this.clock = clock;
        this.started = clock.instant();
    }

    StatusReport collect() throws IpvsException {
        Map<ServiceKey, ServiceEntry> table = new HashMap<>();
        monitor.table().forEach(entry -> table.put(entry.service().key(), entry));
        HealthSnapshot health = monitor.health().snapshot();
        Shaping shaping = new Shaping(monitor.agents(), monitor.ramps());
        Map<VirtualServiceKey, Drains> drains = drains(monitor.removedDrains());
        List<StatusReport.Service> services = new ArrayList<>();
        for (VirtualService virtual : monitor.running().config().virtualServices()) {
            services.add(service(
                    virtual,
                    Optional.ofNullable(table.get(IpvsSettings.serviceKey(virtual.key()))),
                    health,
                    shaping,
                    Optional.ofNullable(drains.remove(virtual.key()))));
        }
        for (Drains gone : drains.values()) {
            services.add(service(
                    gone.virtual(),
                    Optional.ofNullable(
                            table.get(IpvsSettings.serviceKey(gone.virtual().key()))),
                    health,
                    shaping,
                    Optional.of(gone)));
        }
        return new StatusReport(
                BuildInfo.version(),
                ProcessHandle.current().pid(),
                options.configFile().toString(),
                started,
                clock.instant(),
                options.dryRun(),
                services,
                Optional.of(monitor.directorHealth()));
    }

    @Override
    public StatusReport report() throws IpvsException {
        return collect();
    }

    @Override
    public Optional<DirectorHealth> health() {
        return Optional.of(monitor.directorHealth());
    }

    /** What the load agents say and the slow-start ramps, read once per report. */
    private record Shaping(Map<RealRef, AgentHeard> agents, Map<RealRef, Double> ramps) {

        Optional<StatusReport.Agent> agent(RealRef ref) {
            return Optional.ofNullable(agents.get(ref))
                    .map(heard -> new StatusReport.Agent(
                            heard.answer().text(), heard.answer().description(), heard.failure()));
        }

        Optional<Double> ramp(RealRef ref) {
            return Optional.ofNullable(ramps.get(ref)).map(share -> Math.round(share * 100) / 100.0);
        }
    }

    /**
     * The real servers of one virtual service that reloads removed and that drain.
     *
     * @param virtual the service as the configuration that removed the first of them had it
     */
    private record Drains(VirtualService virtual, List<RemovedDrain> drains) {}

    private static Map<VirtualServiceKey, Drains> drains(List<RemovedDrain> all) {
        Map<VirtualServiceKey, Drains> byService = new LinkedHashMap<>();
        for (RemovedDrain drain : all) {
            VirtualService virtual = drain.removed().virtual();
            byService
                    .computeIfAbsent(virtual.key(), key -> new Drains(virtual, new ArrayList<>()))
                    .drains()
                    .add(drain);
        }
        return byService;
    }

    /**
     * One service: a configured one (its real servers, then those of it that drain) or, when it has only
     * {@code drains} and the configuration no longer has it, a removed one.
     */
    private StatusReport.Service service(
            VirtualService virtual,
            Optional<ServiceEntry> entry,
            HealthSnapshot health,
            Shaping shaping,
            Optional<Drains> drains) {
        Map<DestinationKey, ServiceEntry.DestinationEntry> destinations = new HashMap<>();
        entry.ifPresent(e ->
                e.destinations().forEach(d -> destinations.put(d.destination().key(), d)));
        boolean removed =
                monitor.running().config().virtualService(virtual.key()).isEmpty();
        List<StatusReport.Real> reals = new ArrayList<>();
        for (RealServer real : removed ? List.<RealServer>of() : virtual.reals()) {
            reals.add(
                    real(virtual, real, destinations.get(IpvsSettings.destinationKey(virtual, real)), health, shaping));
        }
        drains.ifPresent(d -> d.drains().forEach(drain -> reals.add(draining(drain, destinations))));
        Optional<String> fallback = removed
                ? Optional.empty()
                : virtual.fallback().map(f -> f.endpoint().toString());
        boolean fallbackActive = virtual.fallback()
                .map(f -> destinations.containsKey(IpvsSettings.fallbackKey(virtual, f)))
                .orElse(false);
        String flags = virtual.persistence()
                .map(p -> "persistent " + p.timeoutSeconds())
                .orElse("");
        String address = virtual.key().isFwmark()
                ? "FWM " + virtual.key().mark()
                : virtual.key().endpoint().toString();
        return new StatusReport.Service(
                virtual.key().id(),
                virtual.key().protocol().name(),
                address,
                virtual.scheduler(),
                flags,
                entry.isPresent(),
                fallback,
                fallbackActive,
                reals,
                Optional.ofNullable(monitor.failsafe().get(virtual.key())).map(FailsafeHold::describe),
                removed);
    }

    /** A real server a reload removed: health {@code removed}, no check, draining until its deadline. */
    private static StatusReport.Real draining(
            RemovedDrain drain, Map<DestinationKey, ServiceEntry.DestinationEntry> destinations) {
        RealServer real = drain.removed().real();
        ServiceEntry.DestinationEntry destination =
                destinations.get(IpvsSettings.destinationKey(drain.removed().virtual(), real));
        return new StatusReport.Real(
                real.endpoint().toString(),
                real.forwarding().ldName(),
                "-",
                "removed",
                real.weight(),
                destination == null
                        ? OptionalInt.empty()
                        : OptionalInt.of(destination.destination().weight()),
                destination == null ? 0 : destination.activeConnections(),
                destination == null ? 0 : destination.inactiveConnections(),
                Optional.empty(),
                Optional.of(drain.since()),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new StatusReport.Control(
                        "draining", OptionalInt.empty(), Optional.of(drain.deadline()), "reload", drain.since())));
    }

    private StatusReport.Real real(
            VirtualService virtual,
            RealServer real,
            ServiceEntry.DestinationEntry destination,
            HealthSnapshot health,
            Shaping shaping) {
        RealRef ref = new RealRef(virtual.key(), real.endpoint());
        HealthKey key = HealthKey.of(virtual, real);
        var probe = virtual.probeFor(real);
        Optional<StatusReport.Check> last = monitor.status()
                .lastResult(probe)
                .map(r -> new StatusReport.Check(
                        r.result().up(),
                        r.result().reason(),
                        r.result().elapsed().toMillis(),
                        r.at()));
        OptionalInt current = destination == null
                ? OptionalInt.empty()
                : OptionalInt.of(destination.destination().weight());
        return new StatusReport.Real(
                real.endpoint().toString(),
                real.forwarding().ldName(),
                ProbeLabel.of(probe),
                health.get(key).status().name().toLowerCase(Locale.ROOT),
                real.weight(),
                current,
                destination == null ? 0 : destination.activeConnections(),
                destination == null ? 0 : destination.inactiveConnections(),
                last,
                monitor.status().lastChange(key),
                shaping.agent(ref),
                shaping.ramp(ref),
                Optional.ofNullable(monitor.controls().get(ref)).map(StatusCollector::control));
    }

    private static StatusReport.Control control(RealControl control) {
        return new StatusReport.Control(
                control.admin().name().toLowerCase(Locale.ROOT),
                control.weight(),
                control.deadline(),
                control.by(),
                control.since());
    }
}
