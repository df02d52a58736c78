package io.jdirectord.decision;

import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.ip;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.Config;
import io.jdirectord.config.Forwarding;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.Safeguards;
import io.jdirectord.config.VirtualService;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthSnapshot;
import io.jdirectord.health.HealthStatus;
import io.jdirectord.health.ProbeHealth;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsStats;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceEntry.DestinationEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DesiredStateTest {

    /** No real server that a reload removed drains. */
    private static final List<RemovedReal> NONE_REMOVED = List.of();

    /**
     * Given one real server 10.0.0.1:80 (gate, weight 3, u:100 l:10) with this status and dynamic weight,
     * quiescent setting, presence in the current table (at weight 5) and readdquiescent, then its
     * destination in the desired table is this (or absent).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            up: configured weight and thresholds          | UP      | -  | no  | no  | no  | 10.0.0.1:80 ROUTE w3 u100 l10
            up: dynamic weight replaces configured weight | UP      | 7  | no  | no  | no  | 10.0.0.1:80 ROUTE w7 u100 l10
            up: dynamic weight 0 is kept                  | UP      | 0  | no  | yes | no  | 10.0.0.1:80 ROUTE w0 u100 l10
            up and listed: settings restored              | UP      | -  | yes | yes | no  | 10.0.0.1:80 ROUTE w3 u100 l10
            down, not quiescent: removed                  | DOWN    | -  | no  | yes | yes | absent
            unknown, not quiescent: not added             | UNKNOWN | -  | no  | no  | yes | absent
            down, quiescent, listed: weight 0             | DOWN    | -  | yes | yes | no  | 10.0.0.1:80 ROUTE w0 u0 l0
            unknown, quiescent, listed: weight 0          | UNKNOWN | -  | yes | yes | no  | 10.0.0.1:80 ROUTE w0 u0 l0
            down, quiescent, gone, readdquiescent: readd  | DOWN    | -  | yes | no  | yes | 10.0.0.1:80 ROUTE w0 u0 l0
            down, quiescent, gone, no readdquiescent      | DOWN    | -  | yes | no  | no  | absent
            unknown, quiescent, absent, no readd          | UNKNOWN | -  | yes | no  | no  | absent
            """)
    void realServerDestinationFollowsTheRuleTable(
            String description,
            HealthStatus status,
            Integer dynamicWeight,
            String quiescent,
            String listed,
            String readdQuiescent,
            String expected) {
        RealServer real = new RealServer(
                ip("10.0.0.1"),
                80,
                Forwarding.GATE,
                3,
                10,
                100,
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                1);
        VirtualService virtual =
                tcp("192.0.2.10", 80).quiescent(yes(quiescent)).real(real).build();
        Map<HealthKey, ProbeHealth> health = Map.of(
                HealthKey.of(virtual, real),
                new ProbeHealth(status, dynamicWeight == null ? OptionalInt.empty() : OptionalInt.of(dynamicWeight)));
        List<ServiceEntry> table = yes(listed)
                ? List.of(entry(virtual, dest("10.0.0.1", 80, ForwardingMethod.ROUTE, 5)))
                : List.of(entry(virtual));

        Decision decision = DesiredState.compute(
                config(yes(readdQuiescent), virtual), new HealthSnapshot(health), Steering.NONE, NONE_REMOVED, table);

        assertThat(destinations(decision)).isEqualTo(expected.equals("absent") ? "" : expected);
    }

    /**
     * Given one real server 10.0.0.1:80 (gate, weight 4, u:100 l:10), listed at weight 4, with this status,
     * admin state, quiescent setting, weight override, weight percentage and ramp, then its destination
     * in the desired table is this (or absent).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            enabled: configured weight                   | UP   | ENABLED  | no  | -  | 100 | 1.0  | 10.0.0.1:80 ROUTE w4 u100 l10
            enabled: override replaces the weight        | UP   | ENABLED  | no  | 9  | 100 | 1.0  | 10.0.0.1:80 ROUTE w9 u100 l10
            enabled: percentage scales the weight        | UP   | ENABLED  | no  | -  | 50  | 1.0  | 10.0.0.1:80 ROUTE w2 u100 l10
            enabled: ramp scales the weight, at least 1  | UP   | ENABLED  | no  | -  | 100 | 0.1  | 10.0.0.1:80 ROUTE w1 u100 l10
            enabled: percentage 0 is weight 0            | UP   | ENABLED  | no  | -  | 0   | 1.0  | 10.0.0.1:80 ROUTE w0 u100 l10
            disabled, not quiescent: removed             | UP   | DISABLED | no  | -  | 100 | 1.0  | absent
            disabled, quiescent: weight 0                | UP   | DISABLED | yes | -  | 100 | 1.0  | 10.0.0.1:80 ROUTE w0 u0 l0
            draining, not quiescent: weight 0            | UP   | DRAINING | no  | 9  | 100 | 1.0  | 10.0.0.1:80 ROUTE w0 u100 l10
            draining but down: health wins               | DOWN | DRAINING | no  | -  | 100 | 1.0  | absent
            drained, quiescent: removed                  | UP   | DRAINED  | yes | -  | 100 | 1.0  | absent
            down, enabled, override: still removed       | DOWN | ENABLED  | no  | 9  | 100 | 1.0  | absent
            """)
    void steeringActsOnTheRealServerAsTheTableSays(
            String description,
            HealthStatus status,
            RealSteer.Admin admin,
            String quiescent,
            Integer override,
            int percent,
            double ramp,
            String expected) {
        RealServer real = new RealServer(
                ip("10.0.0.1"),
                80,
                Forwarding.GATE,
                4,
                10,
                100,
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                1);
        VirtualService virtual =
                tcp("192.0.2.10", 80).quiescent(yes(quiescent)).real(real).build();
        RealSteer steer =
                new RealSteer(admin, override == null ? OptionalInt.empty() : OptionalInt.of(override), percent, ramp);
        Steering steering = new Steering(Map.of(new Steering.RealRef(virtual.key(), real.endpoint()), steer));
        List<ServiceEntry> table = List.of(entry(virtual, dest("10.0.0.1", 80, ForwardingMethod.ROUTE, 4)));

        Decision decision =
                DesiredState.compute(config(false, virtual), snapshot(virtual, status), steering, NONE_REMOVED, table);

        assertThat(destinations(decision)).isEqualTo(expected.equals("absent") ? "" : expected);
    }

    @Test
    void fallbackComesInWhenTheOnlyUpRealServerIsNotEnabled() {
        VirtualService virtual = tcp("192.0.2.10", 80)
                .real(real("10.0.0.1", 80))
                .fallback("127.0.0.9", 0, Forwarding.MASQ)
                .build();
        RealSteer draining = new RealSteer(RealSteer.Admin.DRAINING, OptionalInt.empty(), 100, 1.0);
        Steering steering = new Steering(Map.of(
                new Steering.RealRef(virtual.key(), virtual.reals().get(0).endpoint()), draining));

        Decision decision = DesiredState.compute(
                config(false, virtual), snapshot(virtual, HealthStatus.UP), steering, NONE_REMOVED, List.of());

        assertThat(destinations(decision)).isEqualTo("10.0.0.1:80 ROUTE w0 u0 l0, 127.0.0.9:80 MASQ w1 u0 l0");
        assertThat(decision.withoutRealServers()).containsExactly(virtual.key());
    }

    /**
     * Given two real servers (10.0.0.1 and 10.0.0.2, port 80, gate, weight 1) with these statuses, a
     * fallback 127.0.0.9 (masq, no port) and this quiescent setting, with both reals listed, then the
     * service's destinations are these.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no real up: fallback added                      | DOWN    | DOWN    | no  | 127.0.0.9:80 MASQ w1 u0 l0
            nothing known yet: fallback added               | UNKNOWN | UNKNOWN | no  | 127.0.0.9:80 MASQ w1 u0 l0
            one real up: fallback left out                  | UP      | DOWN    | no  | 10.0.0.1:80 ROUTE w1 u0 l0
            all up: fallback left out                       | UP      | UP      | no  | 10.0.0.1:80 ROUTE w1 u0 l0, 10.0.0.2:80 ROUTE w1 u0 l0
            quiesced reals stay beside the fallback         | DOWN    | DOWN    | yes | 10.0.0.1:80 ROUTE w0 u0 l0, 10.0.0.2:80 ROUTE w0 u0 l0, 127.0.0.9:80 MASQ w1 u0 l0
            a quiesced real next to an up one, no fallback  | DOWN    | UP      | yes | 10.0.0.1:80 ROUTE w0 u0 l0, 10.0.0.2:80 ROUTE w1 u0 l0
            """)
    void fallbackIsPresentExactlyWhenNoRealServerIsUp(
            String description, HealthStatus first, HealthStatus second, String quiescent, String expected) {
        VirtualService virtual = tcp("192.0.2.10", 80)
                .quiescent(yes(quiescent))
                .real(real("10.0.0.1", 80))
                .real(real("10.0.0.2", 80))
                .fallback("127.0.0.9", 0, Forwarding.MASQ)
                .build();
        HealthSnapshot health = snapshot(virtual, first, second);
        List<ServiceEntry> table = List.of(entry(
                virtual,
                dest("10.0.0.1", 80, ForwardingMethod.ROUTE, 1),
                dest("10.0.0.2", 80, ForwardingMethod.ROUTE, 1)));

        Decision decision = DesiredState.compute(config(false, virtual), health, Steering.NONE, NONE_REMOVED, table);

        assertThat(destinations(decision)).isEqualTo(expected);
        assertThat(decision.withoutRealServers().contains(virtual.key()))
                .isEqualTo(first != HealthStatus.UP && second != HealthStatus.UP);
    }

    /**
     * Given four real servers (10.0.0.1 to .4, port 80, gate, weight 1, all listed at weight 1) of which the
     * first UP are up, a fallback 127.0.0.9 (masq), this quorum and hysteresis, the fallback listed now or not,
     * and this quiescent setting, then the service's destinations are these and it is below its quorum or not.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            quorum 1: fallback only when none is up          | 1 | 0 | 1 | no  | no  | .1 w1                         | no
            quorum 3, 2 up: fallback in, up reals leave      | 3 | 0 | 2 | no  | no  | fallback                      | yes
            quorum 3, 3 up: reals in, no fallback            | 3 | 0 | 3 | no  | no  | .1 w1, .2 w1, .3 w1           | no
            quorum 3, 2 up, quiescent: reals at weight 0     | 3 | 0 | 2 | no  | yes | .1 w0, .2 w0, .3 w0, .4 w0, fallback | yes
            hysteresis, fallback out: stays out at N-H       | 3 | 1 | 2 | no  | no  | .1 w1, .2 w1                  | no
            hysteresis, fallback out: goes in below N-H      | 3 | 1 | 1 | no  | no  | fallback                      | yes
            hysteresis, fallback in: stays in below N+H      | 3 | 1 | 3 | yes | no  | fallback                      | yes
            hysteresis, fallback in: leaves at N+H           | 3 | 1 | 4 | yes | no  | .1 w1, .2 w1, .3 w1, .4 w1    | no
            """)
    void fallbackFollowsTheQuorumAndItsHysteresis(
            String description,
            int quorum,
            int hysteresis,
            int up,
            String fallbackListed,
            String quiescent,
            String expected,
            String below) {
        VirtualService virtual = fourReals(yes(quiescent))
                .fallback("127.0.0.9", 0, Forwarding.MASQ)
                .build()
                .withSafeguards(new Safeguards(OptionalInt.empty(), quorum, hysteresis));
        List<IpvsDestination> listed = new ArrayList<>(fourListed(1, 1, 1, 1));
        if (yes(fallbackListed)) {
            listed.add(new IpvsDestination(new DestinationKey(ip("127.0.0.9"), 80), ForwardingMethod.MASQ, 1, 0, 0));
        }
        HealthStatus[] statuses = new HealthStatus[4];
        for (int i = 0; i < 4; i++) {
            statuses[i] = i < up ? HealthStatus.UP : HealthStatus.DOWN;
        }

        Decision decision = DesiredState.compute(
                config(false, virtual),
                snapshot(virtual, statuses),
                Steering.NONE,
                NONE_REMOVED,
                List.of(entry(virtual, listed.toArray(IpvsDestination[]::new))));

        assertThat(brief(decision)).isEqualTo(expected);
        assertThat(decision.withoutRealServers().contains(virtual.key())).isEqualTo(yes(below));
    }

    /**
     * Given four real servers (10.0.0.1 to .4, port 80, gate, weight 1) listed at these weights (x: not
     * listed), with these statuses, the fourth with this admin state, and failsafe at this percentage, then
     * the service's destinations are these and the failsafe holds it (down of judged) or not.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            off: every failure goes through            | -  | 1 1 1 1 | UP UP DOWN DOWN         | ENABLED  | .1 w1, .2 w1               | -
            50%, half down: goes through               | 50 | 1 1 1 1 | UP UP DOWN DOWN         | ENABLED  | .1 w1, .2 w1               | -
            50%, three down at once: held as listed    | 50 | 1 1 1 1 | UP DOWN DOWN DOWN       | ENABLED  | .1 w1, .2 w1, .3 w1, .4 w1 | 3 of 4
            50%, all down: held, no fallback needed    | 50 | 1 1 1 1 | DOWN DOWN DOWN DOWN     | ENABLED  | .1 w1, .2 w1, .3 w1, .4 w1 | 4 of 4
            50%, held keeps the listed weight          | 50 | 1 1 1 5 | UP DOWN DOWN DOWN       | ENABLED  | .1 w1, .2 w1, .3 w1, .4 w5 | 3 of 4
            50%, over several passes: the third held   | 50 | 1 x x 1 | UP DOWN DOWN DOWN       | ENABLED  | .1 w1, .4 w1               | 3 of 4
            50%, no failing real left to hold          | 50 | 1 x x x | UP DOWN DOWN DOWN       | ENABLED  | .1 w1                      | -
            50%, failing reals at weight 0 go          | 50 | 1 1 0 0 | UP DOWN DOWN DOWN       | ENABLED  | .1 w1, .2 w1               | 3 of 4
            a disabled real is not judged              | 50 | 1 1 1 1 | UP UP DOWN DOWN         | DISABLED | .1 w1, .2 w1               | -
            25%, a disabled up real is no failure      | 25 | 1 1 1 1 | UP UP UP UP             | DISABLED | .1 w1, .2 w1, .3 w1        | -
            25%, two of four: held                     | 25 | 1 1 1 1 | UP UP DOWN DOWN         | ENABLED  | .1 w1, .2 w1, .3 w1, .4 w1 | 2 of 4
            unknown reals are not judged               | 50 | 1 1 1 1 | UP DOWN UNKNOWN UNKNOWN | ENABLED  | .1 w1                      | -
            """)
    void failsafeHoldsTheListedRealsWhenTooManyAreDown(
            String description,
            Integer percent,
            String weights,
            String statuses,
            RealSteer.Admin fourth,
            String expected,
            String held) {
        VirtualService virtual = fourReals(false)
                .build()
                .withSafeguards(new Safeguards(percent == null ? OptionalInt.empty() : OptionalInt.of(percent), 1, 0));
        String[] w = weights.split(" ");
        List<IpvsDestination> listed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            if (!w[i].equals("x")) {
                listed.add(dest("10.0.0." + (i + 1), 80, ForwardingMethod.ROUTE, Integer.parseInt(w[i])));
            }
        }
        HealthStatus[] s = java.util.Arrays.stream(statuses.split(" "))
                .map(HealthStatus::valueOf)
                .toArray(HealthStatus[]::new);
        RealSteer steer = new RealSteer(fourth, OptionalInt.empty(), 100, 1.0);
        Steering steering = new Steering(Map.of(
                new Steering.RealRef(virtual.key(), virtual.reals().get(3).endpoint()), steer));

        Decision decision = DesiredState.compute(
                config(false, virtual),
                snapshot(virtual, s),
                steering,
                NONE_REMOVED,
                List.of(entry(virtual, listed.toArray(IpvsDestination[]::new))));

        assertThat(brief(decision)).isEqualTo(expected);
        assertThat(Optional.ofNullable(decision.failsafe().get(virtual.key()))
                        .map(h -> h.down() + " of " + h.judged())
                        .orElse(null))
                .isEqualTo(held);
    }

    /**
     * Given a reload that removed 10.0.0.2:80 (gate, u:100 l:10) from tcp:192.0.2.10:80 (scheduler lc),
     * which either stays configured with 10.0.0.1:80 up (and, when the key is taken, 10.0.0.2:8080 gate
     * weight 2 up, or 10.0.0.1 down and the fallback 10.0.0.2:80 masq) or is replaced by tcp:192.0.2.11:80,
     * with 10.0.0.1:80 at weight 1 and the removed real at weight 5 listed in it or not, then the desired
     * table is this.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            configured, listed: weight 0, old thresholds       | yes | yes | no       | -t 192.0.2.10:80 wrr: 10.0.0.1:80 ROUTE w1 u0 l0, 10.0.0.2:80 ROUTE w0 u100 l10
            configured, not listed: not added back             | yes | no  | no       | -t 192.0.2.10:80 wrr: 10.0.0.1:80 ROUTE w1 u0 l0
            configured, key taken by a real: the real's        | yes | yes | real     | -t 192.0.2.10:80 wrr: 10.0.0.1:80 ROUTE w1 u0 l0, 10.0.0.2:80 ROUTE w2 u0 l0
            configured, key taken by the fallback: its own     | yes | yes | fallback | -t 192.0.2.10:80 wrr: 10.0.0.2:80 MASQ w1 u0 l0
            not configured, listed: its old service holds it   | no  | yes | no       | -t 192.0.2.11:80 wrr: 10.0.0.1:80 ROUTE w1 u0 l0; -t 192.0.2.10:80 lc: 10.0.0.2:80 ROUTE w0 u100 l10
            not configured, not listed: its service not wanted | no  | no  | no       | -t 192.0.2.11:80 wrr: 10.0.0.1:80 ROUTE w1 u0 l0
            """)
    void aRemovedRealServerDrainsAsTheTableSays(
            String description, String configured, String listed, String taken, String expected) {
        RealServer removedReal =
                new RealServer(ip("10.0.0.2"), 80, Forwarding.GATE, 3, 10, 100, Optional.empty(), Optional.empty(), 1);
        VirtualService old = tcp("192.0.2.10", 80)
                .scheduler("lc")
                .real(real("10.0.0.1", 80))
                .real(removedReal)
                .build();
        io.jdirectord.testing.EngineFixtures.VirtualBuilder next =
                yes(configured) ? tcp("192.0.2.10", 80) : tcp("192.0.2.11", 80);
        next.real(real("10.0.0.1", 80));
        switch (taken) {
            case "real" -> next.real(real("10.0.0.2", 8080, Forwarding.GATE, 2));
            case "fallback" -> next.fallback("10.0.0.2", 80, Forwarding.MASQ);
            default -> {}
        }
        VirtualService kept = next.build();
        HealthStatus[] statuses = kept.reals().stream()
                .map(r -> taken.equals("fallback") ? HealthStatus.DOWN : HealthStatus.UP)
                .toArray(HealthStatus[]::new);
        List<IpvsDestination> inOld = new ArrayList<>(List.of(dest("10.0.0.1", 80, ForwardingMethod.ROUTE, 1)));
        if (yes(listed)) {
            inOld.add(dest("10.0.0.2", 80, ForwardingMethod.ROUTE, 5));
        }

        Decision decision = DesiredState.compute(
                config(false, kept),
                snapshot(kept, statuses),
                Steering.NONE,
                List.of(new RemovedReal(old, removedReal)),
                List.of(entry(old, inOld.toArray(IpvsDestination[]::new))));

        assertThat(table(decision)).isEqualTo(expected);
        assertThat(decision.withoutRealServers().contains(kept.key())).isEqualTo(taken.equals("fallback"));
    }

    /** "-t 192.0.2.10:80 wrr: 10.0.0.1:80 ROUTE w1 u0 l0; ...": every desired service and its destinations. */
    private static String table(Decision decision) {
        return decision.table().services().stream()
                .map(s -> s.key() + " " + s.service().scheduler() + ": "
                        + s.destinations().stream()
                                .map(d -> d.key() + " " + d.forwarding() + " w" + d.weight() + " u" + d.upperThreshold()
                                        + " l" + d.lowerThreshold())
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    private static io.jdirectord.testing.EngineFixtures.VirtualBuilder fourReals(boolean quiescent) {
        return tcp("192.0.2.10", 80)
                .quiescent(quiescent)
                .real(real("10.0.0.1", 80))
                .real(real("10.0.0.2", 80))
                .real(real("10.0.0.3", 80))
                .real(real("10.0.0.4", 80));
    }

    private static List<IpvsDestination> fourListed(int... weights) {
        List<IpvsDestination> listed = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            listed.add(dest("10.0.0." + (i + 1), 80, ForwardingMethod.ROUTE, weights[i]));
        }
        return listed;
    }

    /** ".1 w1, fallback": the reals by last octet and weight, the fallback by name. */
    private static String brief(Decision decision) {
        return decision.table().services().get(0).destinations().stream()
                .map(d -> d.key().address().getHostAddress().equals("127.0.0.9")
                        ? "fallback"
                        : d.key().address().getHostAddress().replace("10.0.0", "") + " w" + d.weight())
                .collect(Collectors.joining(", "));
    }

    /** Given an up real server with this forwarding in a TCP service on port 80, its table key is this. */
    @ParameterizedTest(name = "{0} {1}:{2}")
    @CsvSource(delimiter = '|', textBlock = """
            GATE | 8080 | 10.0.0.1:80 ROUTE w1 u0 l0
            IPIP | 8080 | 10.0.0.1:80 TUNNEL w1 u0 l0
            MASQ | 8080 | 10.0.0.1:8080 MASQ w1 u0 l0
            GATE | 0    | 10.0.0.1:80 ROUTE w1 u0 l0
            """)
    void directRoutingAndTunnellingTakeTheVirtualPort(Forwarding forwarding, int port, String expected) {
        VirtualService virtual = tcp("192.0.2.10", 80)
                .real(real("10.0.0.1", port, forwarding, 1))
                .build();

        Decision decision = DesiredState.compute(
                config(false, virtual), snapshot(virtual, HealthStatus.UP), Steering.NONE, NONE_REMOVED, List.of());

        assertThat(destinations(decision)).isEqualTo(expected);
    }

    @Test
    void whenTwoRealServersShareATableKeyTheUpOneDefinesIt() {
        VirtualService virtual = tcp("192.0.2.10", 80)
                .quiescent(true)
                .real(real("10.0.0.1", 8080, Forwarding.GATE, 2))
                .real(real("10.0.0.1", 8081, Forwarding.GATE, 4))
                .build();

        Decision decision = DesiredState.compute(
                config(true, virtual),
                snapshot(virtual, HealthStatus.DOWN, HealthStatus.UP),
                Steering.NONE,
                NONE_REMOVED,
                List.of());

        assertThat(destinations(decision)).isEqualTo("10.0.0.1:80 ROUTE w4 u0 l0");
    }

    @Test
    void everyConfiguredServiceIsDesiredEvenWithoutDestinations() {
        VirtualService empty = tcp("192.0.2.10", 80).build();
        VirtualService down = tcp("192.0.2.11", 80).real(real("10.0.0.1", 80)).build();
        Config config = config(false, empty, down);

        Decision decision = DesiredState.compute(config, HealthSnapshot.EMPTY, Steering.NONE, NONE_REMOVED, List.of());

        assertThat(decision.table().services())
                .extracting(s -> s.key().toString())
                .containsExactly("-t 192.0.2.10:80", "-t 192.0.2.11:80");
        assertThat(decision.withoutRealServers()).containsExactlyInAnyOrder(empty.key(), down.key());
    }

    private static boolean yes(String word) {
        return word.equals("yes");
    }

    private static HealthSnapshot snapshot(VirtualService virtual, HealthStatus... statuses) {
        Map<HealthKey, ProbeHealth> entries = new HashMap<>();
        for (int i = 0; i < statuses.length; i++) {
            entries.put(
                    HealthKey.of(virtual, virtual.reals().get(i)), new ProbeHealth(statuses[i], OptionalInt.empty()));
        }
        return new HealthSnapshot(entries);
    }

    static ServiceEntry entry(VirtualService virtual, IpvsDestination... destinations) {
        List<DestinationEntry> entries = new ArrayList<>();
        for (IpvsDestination d : destinations) {
            entries.add(new DestinationEntry(d, IpvsStats.ZERO, 0, 0));
        }
        return new ServiceEntry(IpvsSettings.service(virtual), IpvsStats.ZERO, entries);
    }

    static IpvsDestination dest(String ip, int port, ForwardingMethod forwarding, int weight) {
        return new IpvsDestination(new DestinationKey(ip(ip), port), forwarding, weight, 0, 0);
    }

    private static String destinations(Decision decision) {
        return decision.table().services().get(0).destinations().stream()
                .map(d -> d.key() + " " + d.forwarding() + " w" + d.weight() + " u" + d.upperThreshold() + " l"
                        + d.lowerThreshold())
                .collect(Collectors.joining(", "));
    }
}
