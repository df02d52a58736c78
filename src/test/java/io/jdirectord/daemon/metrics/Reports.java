package io.jdirectord.daemon.metrics;

import io.jdirectord.daemon.status.StatusReport;
import io.jdirectord.testing.StatusFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Status reports for metrics tests. */
final class Reports {

    private Reports() {}

    static StatusReport.Real real(
            String address, String health, int configured, OptionalInt current, Optional<Instant> changed) {
        return StatusFixtures.real(
                address, "gate", "connect " + address, health, configured, current, 0, 0, Optional.empty(), changed);
    }

    static StatusReport.Service service(
            String id, boolean inTable, boolean fallbackActive, StatusReport.Real... reals) {
        return StatusFixtures.service(
                id,
                "TCP",
                id.substring(4),
                "wrr",
                "",
                inTable,
                Optional.of("127.0.0.1:80"),
                fallbackActive,
                List.of(reals));
    }

    static StatusReport report(StatusReport.Service... services) {
        return StatusFixtures.report(
                "1.2.3", 42, "/etc/jdirectord/jdirectord.cf", Instant.EPOCH, Instant.EPOCH, false, List.of(services));
    }
}
