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

    /**
     * One virtual service.
     *
     * @param id            ldirectord's virtual id (tcp:192.0.2.10:80, fwm:7)
     * @param inTable       whether the service is in the table now
     * @param fallbackActive whether its fallback server is in the table
     * @param failsafe      why the failsafe holds its table ("3 of 4 real servers are down (75% > 50%)");
     *                      empty when it does not
     * @param removed       whether a reload removed it: it stays in the table, with its old settings, only
     *                      while real servers of it drain
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
            List<Real> reals,
            Optional<String> failsafe,
            boolean removed) {
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
     * @param health          up, down, unknown (no result yet), maintenance, or removed (a reload removed it
     *                        and it drains, no longer checked; its control says until when)
     * @param configuredWeight the weight in the configuration
     * @param currentWeight   the weight in the table now; empty when it is not in the table
     * @param lastCheck       the last check's result, if it ran
     * @param lastChange      when its health last changed, if it did since start
     * @param agent           what its load agent last said, when its service has one ({@code agentport})
     * @param slowStart       its slow-start share of the weight (0..1) while it ramps up, else empty
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
            Optional<Agent> agent,
            Optional<Double> slowStart,
            Optional<Control> control) {

        public boolean isUp() {
            return health.equals("up");
        }

        /** Whether a reload removed it from the configuration and it drains. */
        public boolean removed() {
            return health.equals("removed");
        }
    }

    /**
     * What a real server's load agent last said.
     *
     * @param answer      the answer in force: {@code 50%}, {@code drain 100%}, {@code down 100%}
     * @param description the text after {@code #} in its last answer, empty when none
     * @param failure     why the last question got no readable answer, empty when it got one
     */
    public record Agent(String answer, String description, String failure) {}

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
