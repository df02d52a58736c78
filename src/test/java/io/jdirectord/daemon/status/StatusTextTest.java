package io.jdirectord.daemon.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.testing.StatusFixtures;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StatusTextTest {

    @Test
    void printsTheDaemonThenEachServiceWithItsServersOneLineEach() {
        String text = StatusText.render(StatusReports.sample());

        assertThat(text.lines().toList())
                .containsExactly(
                        "jdirectord 1.2.3, pid 4242, config /etc/jdirectord/jdirectord.cf, up 90s, dry run (table in memory)",
                        "Prot  LocalAddress:Port            Scheduler  Flags",
                        "  -> RemoteAddress:Port         Forward Weight cfg/now Health      Changed    Last check",
                        "TCP   192.0.2.10:80                wrr        persistent 300",
                        "  -> 10.0.0.1:80                masq    2/2            up          70s        up 1s ago, 12 ms: HTTP 200",
                        "  -> 10.0.0.2:80                gate    1/-            down        -          down 0s ago, 3 ms: said \"no\"?and left",
                        "  -> 127.0.0.9:80                       -/-            fallback",
                        "FWM   FWM 7                        rr          (not in table)",
                        "  -> 10.0.0.3                   gate    1/-            unknown     -          not yet");
    }

    @Test
    void showsTheAgentsAnswerAndTheSlowStartRampOnALineBelowTheirServer() {
        StatusReport report =
                StatusReports.withShaping(new StatusReport.Agent("drain 50%", "disk full", "connection refused"), 0.42);

        String text = StatusText.render(report);

        assertThat(text)
                .contains("       slow start 42%; agent drain 50% (disk full), not answering: connection refused\n");
    }

    @Test
    void marksAnActiveFallback() {
        StatusReport sample = StatusReports.sample();
        StatusReport.Service web = sample.services().getFirst();
        StatusReport.Service active = StatusFixtures.service(
                web.id(),
                web.protocol(),
                web.address(),
                web.scheduler(),
                web.flags(),
                true,
                web.fallback(),
                true,
                web.reals());
        StatusReport report = StatusFixtures.report(
                sample.version(),
                sample.pid(),
                sample.config(),
                sample.started(),
                sample.now(),
                false,
                java.util.List.of(active));

        String text = StatusText.render(report);

        assertThat(text).contains("  -> 127.0.0.9:80                       -/1            fallback active\n");
        assertThat(text.lines().findFirst().orElseThrow()).doesNotContain("dry run");
    }

    @ParameterizedTest(name = "{0} s: {1}")
    @CsvSource({"-5, 0s", "0, 0s", "119, 119s", "120, 2m", "7199, 119m", "7200, 2h", "172799, 47h", "172800, 2d"})
    void writesAgesShort(long seconds, String age) {
        Instant then = Instant.parse("2026-11-21T07:00:00Z");

        assertThat(StatusText.ago(then, then.plusSeconds(seconds))).isEqualTo(age);
    }
}
