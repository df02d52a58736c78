package io.jdirectord.daemon.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.testing.StatusFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StatusSummaryTest {

    private static StatusReport.Real real(String address, String health) {
        return StatusFixtures.real(
                address,
                "gate",
                "connect " + address,
                health,
                1,
                OptionalInt.empty(),
                0,
                0,
                Optional.empty(),
                Optional.empty());
    }

    private static StatusReport.Service service(String id, boolean fallbackActive, StatusReport.Real... reals) {
        return StatusFixtures.service(
                id,
                "TCP",
                id.substring(4),
                "wrr",
                "",
                true,
                Optional.of("127.0.0.1:80"),
                fallbackActive,
                List.of(reals));
    }

    private static StatusReport report(boolean dryRun, StatusReport.Service... services) {
        return StatusFixtures.report(
                "1.0", 1, "/etc/jdirectord/jdirectord.cf", Instant.EPOCH, Instant.EPOCH, dryRun, List.of(services));
    }

    @Test
    void countsServicesRealServersUpPerServiceAndActiveFallbacks() {
        StatusReport report = report(
                false,
                service("tcp:192.0.2.10:80", false, real("10.0.0.1:80", "up"), real("10.0.0.2:80", "down")),
                service("tcp:192.0.2.10:443", true, real("10.0.0.1:443", "down"), real("10.0.0.2:443", "unknown")),
                service("tcp:192.0.2.11:25", false, real("10.0.0.1:25", "up")));

        assertThat(StatusSummary.of(report)).isEqualTo("3 virtual services, 2/5 real servers up, 1 fallback active");
    }

    @Test
    void speaksInTheSingularAndMarksADryRun() {
        StatusReport report = report(true, service("tcp:192.0.2.10:80", false, real("10.0.0.1:80", "up")));

        assertThat(StatusSummary.of(report)).isEqualTo("1 virtual service, 1/1 real server up (dry run)");
    }

    @Test
    void countsSeveralActiveFallbacks() {
        StatusReport report = report(false, service("tcp:192.0.2.10:80", true), service("tcp:192.0.2.10:443", true));

        assertThat(StatusSummary.of(report)).isEqualTo("2 virtual services, 0/0 real servers up, 2 fallbacks active");
    }
}
