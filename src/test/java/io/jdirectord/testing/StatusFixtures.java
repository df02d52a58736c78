package io.jdirectord.testing;

import io.jdirectord.daemon.status.StatusReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Status reports with the defaults most rendering and metrics tests want: nothing set that they do not name. */
public final class StatusFixtures {

    private StatusFixtures() {}

    /** A report without the director's health. */
    public static StatusReport report(
            String version,
            long pid,
            String config,
            Instant started,
            Instant now,
            boolean dryRun,
            List<StatusReport.Service> services) {
        return new StatusReport(version, pid, config, started, now, dryRun, services, Optional.empty());
    }

    /** A configured service whose table the failsafe does not hold. */
    public static StatusReport.Service service(
            String id,
            String protocol,
            String address,
            String scheduler,
            String flags,
            boolean inTable,
            Optional<String> fallback,
            boolean fallbackActive,
            List<StatusReport.Real> reals) {
        return new StatusReport.Service(
                id,
                protocol,
                address,
                scheduler,
                flags,
                inTable,
                fallback,
                fallbackActive,
                reals,
                Optional.empty(),
                false);
    }

    /** A real server without load agent, not ramping, on which no operator has set anything. */
    public static StatusReport.Real real(
            String address,
            String forwarding,
            String check,
            String health,
            int configuredWeight,
            OptionalInt currentWeight,
            int activeConnections,
            int inactiveConnections,
            Optional<StatusReport.Check> lastCheck,
            Optional<Instant> lastChange) {
        return new StatusReport.Real(
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
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
