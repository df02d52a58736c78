package io.jdirectord.daemon.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdirectord.testing.StatusFixtures;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StatusJsonTest {

    private static JsonNode parse(StatusReport report) throws Exception {
        String json = StatusJson.render(report);
        assertThat(json).endsWith("}\n").doesNotContain("\n{", ",\n");
        return new ObjectMapper().readTree(json);
    }

    @Test
    void rendersTheDaemonWithTimesInIsoUtc() throws Exception {
        JsonNode root = parse(StatusReports.sample());

        assertThat(root.get("version").asText()).isEqualTo("1.2.3");
        assertThat(root.get("pid").asLong()).isEqualTo(4242);
        assertThat(root.get("config").asText()).isEqualTo("/etc/jdirectord/jdirectord.cf");
        assertThat(root.get("started").asText()).isEqualTo("2026-11-21T07:00:00Z");
        assertThat(root.get("now").asText()).isEqualTo("2026-11-21T07:01:30Z");
        assertThat(root.get("dryRun").asBoolean()).isTrue();
        assertThat(root.get("services")).hasSize(2);
    }

    @Test
    void rendersEachServiceAndServerWithNullForWhatIsAbsent() throws Exception {
        JsonNode web = parse(StatusReports.sample()).get("services").get(0);

        assertThat(web.get("id").asText()).isEqualTo("tcp:192.0.2.10:80");
        assertThat(web.get("flags").asText()).isEqualTo("persistent 300");
        assertThat(web.get("inTable").asBoolean()).isTrue();
        assertThat(web.get("fallback").asText()).isEqualTo("127.0.0.9:80");
        assertThat(web.get("fallbackActive").asBoolean()).isFalse();
        JsonNode up = web.get("reals").get(0);
        assertThat(up.get("health").asText()).isEqualTo("up");
        assertThat(up.get("configuredWeight").asInt()).isEqualTo(2);
        assertThat(up.get("currentWeight").asInt()).isEqualTo(2);
        assertThat(up.get("activeConnections").asInt()).isEqualTo(5);
        assertThat(up.get("inactiveConnections").asInt()).isEqualTo(7);
        assertThat(up.get("lastChange").asText()).isEqualTo("2026-11-21T07:00:20Z");
        assertThat(up.get("lastCheck").get("elapsedMs").asLong()).isEqualTo(12);
        assertThat(up.get("lastCheck").get("at").asText()).isEqualTo("2026-11-21T07:01:29Z");
        JsonNode down = web.get("reals").get(1);
        assertThat(down.get("currentWeight").isNull()).isTrue();
        assertThat(down.get("lastChange").isNull()).isTrue();
        assertThat(down.get("lastCheck").get("up").asBoolean()).isFalse();
        JsonNode mark = parse(StatusReports.sample()).get("services").get(1);
        assertThat(mark.get("fallback").isNull()).isTrue();
        assertThat(mark.get("reals").get(0).get("lastCheck").isNull()).isTrue();
    }

    @Test
    void givesEachRealServerItsAgentAndSlowStartOrNull() throws Exception {
        JsonNode shaped = parse(StatusReports.withShaping(new StatusReport.Agent("50%", "busy", ""), 0.25))
                .get("services")
                .get(0)
                .get("reals")
                .get(0);
        JsonNode plain = parse(StatusReports.sample())
                .get("services")
                .get(0)
                .get("reals")
                .get(0);

        assertThat(shaped.get("slowStart").asDouble()).isEqualTo(0.25);
        assertThat(shaped.get("agent").get("answer").asText()).isEqualTo("50%");
        assertThat(shaped.get("agent").get("description").asText()).isEqualTo("busy");
        assertThat(shaped.get("agent").get("failure").asText()).isEmpty();
        assertThat(plain.get("slowStart").isNull()).isTrue();
        assertThat(plain.get("agent").isNull()).isTrue();
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() throws Exception {
        String reason = "said \"no\"\\\n\r\t\u0001 \u00e9";
        StatusReport.Real real = StatusFixtures.real(
                "10.0.0.1:80",
                "masq",
                "connect",
                "down",
                1,
                OptionalInt.empty(),
                0,
                0,
                Optional.of(new StatusReport.Check(false, reason, 1, StatusReports.NOW)),
                Optional.empty());
        StatusReport report = StatusFixtures.report(
                "1",
                1,
                "c",
                StatusReports.STARTED,
                StatusReports.NOW,
                false,
                List.of(StatusFixtures.service(
                        "tcp:192.0.2.1:80",
                        "TCP",
                        "192.0.2.1:80",
                        "wrr",
                        "",
                        true,
                        Optional.empty(),
                        false,
                        List.of(real))));

        JsonNode parsed = parse(report);

        assertThat(parsed.get("services")
                        .get(0)
                        .get("reals")
                        .get(0)
                        .get("lastCheck")
                        .get("reason")
                        .asText())
                .isEqualTo(reason);
    }

    @Test
    void rendersAnEmptyServiceList() throws Exception {
        StatusReport report =
                StatusFixtures.report("1", 1, "c", StatusReports.STARTED, StatusReports.NOW, false, List.of());

        assertThat(parse(report).get("services")).isEmpty();
    }
}
