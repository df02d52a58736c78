package io.jdirectord.daemon.status;

import io.jdirectord.engine.DirectorHealth;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code jdirectord status} prints: the daemon, the director's health when known, and, per virtual
 * service, each real server's health, configured and current weight, last check and last change. Built by
 * the daemon, rendered as text or JSON by {@link StatusText} and {@link StatusJson}.
 */
public record StatusReport(
        String version,
        long pid,
        String config,
        Instant started,
        Instant now,
        boolean dryRun,
        List<Service> services,
        Optional<DirectorHealth> director) {

    public StatusReport {
        services = List.copyOf(services);
    }

    /** A report without the director's health. */
    public StatusReport(
            String version,
            long pid,
            String config,
            Instant started,
            Instant now,
            boolean dryRun,
            List<Service> services) {
        this(version, pid, config, started, now, dryRun, services, Optional.empty());
    }

    /**
     * One virtual service.
     *
     * @param id            ldirectord's virtual id (tcp:192.0.2.10:80, fwm:7)
     * @param inTable       whether the service is in the table now
     * @param fallbackActive whether its fallback server is in the table
     */
    public record Service(
            String id,
            String protocol,
            String address,
            String scheduler,
            String flags,
            boolean inTable,
            Optional<String> fallback,
            boolean fallbackActive,
            List<Real> reals) {
        public Service {
            reals = List.copyOf(reals);
        }

        /** How many of its real servers are up. */
        public int realsUp() {
            return (int) reals.stream().filter(Real::isUp).count();
        }
    }

    /**
     * One real server of a service.
     *
     * @param health          up, down, unknown (no result yet), or maintenance
     * @param configuredWeight the weight in the configuration
     * @param currentWeight   the weight in the table now; empty when it is not in the table
     * @param lastCheck       the last check's result, if it ran
     * @param lastChange      when its health last changed, if it did since start
     * @param control         what an operator set on it at run time; empty when nothing
     */
    public record Real(
            String address,
            String forwarding,
            String check,
            String health,
            int configuredWeight,
            OptionalInt currentWeight,
            int activeConnections,
            int inactiveConnections,
            Optional<Check> lastCheck,
            Optional<Instant> lastChange,
            Optional<Control> control) {

        /** A real server no operator has set anything on. */
        public Real(
                String address,
                String forwarding,
                String check,
                String health,
                int configuredWeight,
                OptionalInt currentWeight,
                int activeConnections,
                int inactiveConnections,
                Optional<Check> lastCheck,
                Optional<Instant> lastChange) {
            this(
                    address,
                    forwarding,
                    check,
                    health,
                    configuredWeight,
                    currentWeight,
                    activeConnections,
                    inactiveConnections,
                    lastCheck,
                    lastChange,
                    Optional.empty());
        }

        public boolean isUp() {
            return health.equals("up");
        }
    }

    /**
     * What an operator set on a real server at run time.
     *
     * @param admin    enabled, disabled, draining or drained
     * @param weight   the weight override; empty when none
     * @param deadline while draining: when it goes out even with connections left; empty when none
     * @param by       who set it last
     * @param since    when
     */
    public record Control(String admin, OptionalInt weight, Optional<Instant> deadline, String by, Instant since) {

        /** {@code draining until 2026-12-01T08:05:00Z, weight 5}. */
        public String describe() {
            String state = admin
                    + (admin.equals("draining")
                            ? deadline.map(d -> " until " + d).orElse("")
                            : "");
            return state + (weight.isPresent() ? ", weight " + weight.getAsInt() : "");
        }
    }

    /** A check result: up or down, the reason, how long it took (ms) and when it finished. */
    public record Check(boolean up, String reason, long elapsedMillis, Instant at) {}
}
