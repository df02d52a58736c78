package io.jdirectord.daemon.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdirectord.testing.StatusFixtures;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A service whose table the failsafe holds says so in the text and the JSON status. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FailsafeStatusTest {

    private static final String WHY = "3 of 4 real servers are down (75% > 50%)";

    private static StatusReport held() {
        StatusReport sample = StatusReports.sample();
        StatusReport.Service web = sample.services().getFirst();
        StatusReport.Service holding = new StatusReport.Service(
                web.id(),
                web.protocol(),
                web.address(),
                web.scheduler(),
                web.flags(),
                true,
                web.fallback(),
                false,
                web.reals(),
                Optional.of(WHY),
                false);
        return StatusFixtures.report(
                sample.version(),
                sample.pid(),
                sample.config(),
                sample.started(),
                sample.now(),
                false,
                List.of(holding, sample.services().get(1)));
    }

    @Test
    void theTextPutsTheHoldUnderItsService() {
        List<String> lines = StatusText.render(held()).lines().toList();

        assertThat(lines)
                .containsSubsequence(
                        "TCP   192.0.2.10:80                wrr        persistent 300",
                        "  failsafe holds the table: " + WHY);
        assertThat(lines).filteredOn(line -> line.contains("failsafe")).hasSize(1);
    }

    @Test
    void theJsonGivesTheHoldOrNull() throws Exception {
        var root = new ObjectMapper().readTree(StatusJson.render(held()));

        assertThat(root.get("services").get(0).get("failsafe").asText()).isEqualTo(WHY);
        assertThat(root.get("services").get(1).get("failsafe").isNull()).isTrue();
    }
}
