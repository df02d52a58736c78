package io.jdirectord.daemon.status;

import io.jdirectord.testing.StatusFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A status report with one service of each kind, at fixed instants, for the rendering tests. */
final class StatusReports {

    static final Instant STARTED = Instant.parse("2026-11-21T07:00:00Z");
    static final Instant NOW = STARTED.plusSeconds(90);

    private StatusReports() {}

    static StatusReport sample() {
        StatusReport.Real up = StatusFixtures.real(
                "10.0.0.1:80",
                "masq",
                "negotiate http 10.0.0.1:80",
                "up",
                2,
                OptionalInt.of(2),
                5,
                7,
                Optional.of(new StatusReport.Check(true, "HTTP 200", 12, NOW.minusSeconds(1))),
                Optional.of(STARTED.plusSeconds(20)));
        StatusReport.Real down = StatusFixtures.real(
                "10.0.0.2:80",
                "gate",
                "negotiate http 10.0.0.2:80",
                "down",
                1,
                OptionalInt.empty(),
                0,
                0,
                Optional.of(new StatusReport.Check(false, "said \"no\"\nand left", 3, NOW)),
                Optional.empty());
        StatusReport.Real waiting = StatusFixtures.real(
                "10.0.0.3",
                "gate",
                "connect 10.0.0.3:443",
                "unknown",
                1,
                OptionalInt.empty(),
                0,
                0,
                Optional.empty(),
                Optional.empty());
        StatusReport.Service web = StatusFixtures.service(
                "tcp:192.0.2.10:80",
                "TCP",
                "192.0.2.10:80",
                "wrr",
                "persistent 300",
                true,
                Optional.of("127.0.0.9:80"),
                false,
                List.of(up, down));
        StatusReport.Service mark = StatusFixtures.service(
                "fwm:7", "FWM", "FWM 7", "rr", "", false, Optional.empty(), false, List.of(waiting));
        return StatusFixtures.report(
                "1.2.3", 4242, "/etc/jdirectord/jdirectord.cf", STARTED, NOW, true, List.of(web, mark));
    }

    /** One service with one up real server whose agent said {@code agent} and that ramps at {@code slowStart}. */
    static StatusReport withShaping(StatusReport.Agent agent, double slowStart) {
        StatusReport.Real real = new StatusReport.Real(
                "10.0.0.1:80",
                "masq",
                "connect 10.0.0.1:80",
                "up",
                10,
                OptionalInt.of(2),
                0,
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.of(agent),
                Optional.of(slowStart),
                Optional.empty());
        StatusReport.Service web = StatusFixtures.service(
                "tcp:192.0.2.10:80", "TCP", "192.0.2.10:80", "wlc", "", true, Optional.empty(), false, List.of(real));
        return StatusFixtures.report("1.2.3", 4242, "/etc/jdirectord/jdirectord.cf", STARTED, NOW, false, List.of(web));
    }
}
