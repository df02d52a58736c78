package io.jdirectord.daemon.report;

import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.ip;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.Config;
import io.jdirectord.config.Forwarding;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.daemon.log.RecordingSink;
import io.jdirectord.decision.IpvsSettings;
import io.jdirectord.engine.ProbeIndex;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthStatus;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.OpResult;
import io.jdirectord.ipvs.ServiceKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TransitionLinesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T07:00:00Z");

    private final RealServer a = real("10.0.0.1", 80, Forwarding.MASQ, 2);
    private final RealServer b = real("10.0.0.2", 80, Forwarding.MASQ, 1);
    private final VirtualService web = tcp("192.0.2.10", 80)
            .real(a)
            .real(b)
            .fallback("127.0.0.9", 80, Forwarding.MASQ)
            .build();
    private final VirtualService api = tcp("192.0.2.11", 80).real(a).build();
    private final Config config = config(false, web, api);
    private final ServiceKey webKey = IpvsSettings.serviceKey(web.key());
    private final ServiceKey apiKey = IpvsSettings.serviceKey(api.key());
    private final RecordingSink sink = new RecordingSink();
    private final FailureLog log = new FailureLog(List.of(sink), Clock.fixed(NOW, ZoneOffset.UTC), false);

    private HealthEvent.Transition down(RealServer real) {
        return new HealthEvent.Transition(
                HealthKey.of(web, real),
                HealthStatus.UP,
                HealthStatus.DOWN,
                HealthEvent.Cause.CHECK,
                "connection refused",
                Duration.ofMillis(3),
                Duration.ofMinutes(5),
                NOW);
    }

    private static IpvsOp delete(ServiceKey service, String ip) {
        return new IpvsOp.DeleteDestination(service, new DestinationKey(ip(ip), 80));
    }

    private static IpvsOp add(ServiceKey service, String ip, int weight) {
        return new IpvsOp.AddDestination(
                service, new IpvsDestination(new DestinationKey(ip(ip), 80), ForwardingMethod.MASQ, weight, 0, 0));
    }

    @Test
    void logsATransitionOncePerVirtualServiceWithTheOperationsOnThatServerThere() {
        TransitionLines.Unclaimed unclaimed = new TransitionLines.Unclaimed(List.of(
                OpResult.applied(add(webKey, "127.0.0.9", 1)),
                OpResult.applied(delete(webKey, "10.0.0.1")),
                OpResult.applied(delete(apiKey, "10.0.0.1")),
                OpResult.applied(delete(webKey, "10.0.0.2"))));

        TransitionLines.log(log, ProbeIndex.of(config), down(a), unclaimed);

        assertThat(sink.events())
                .containsExactly(
                        "down virtual=tcp:192.0.2.10:80 real=10.0.0.1:80 from=up to=down cause=check reason=\"connection refused\""
                                + " elapsed=3ms action=\"ipvsadm -d -t 192.0.2.10:80 -r 10.0.0.1:80\"",
                        "down virtual=tcp:192.0.2.11:80 real=10.0.0.1:80 from=up to=down cause=check reason=\"connection refused\""
                                + " elapsed=3ms action=\"ipvsadm -d -t 192.0.2.11:80 -r 10.0.0.1:80\"");
        assertThat(unclaimed.rest())
                .extracting(OpResult::op)
                .containsExactly(add(webKey, "127.0.0.9", 1), delete(webKey, "10.0.0.2"));
    }

    @Test
    void saysNoneWhenTheTransitionChangedNothingInTheTable() {
        TransitionLines.log(log, ProbeIndex.of(config), down(b), new TransitionLines.Unclaimed(List.of()));

        assertThat(sink.events())
                .singleElement()
                .asString()
                .startsWith("down virtual=tcp:192.0.2.10:80 real=10.0.0.2:80")
                .endsWith("action=none");
    }

    @Test
    void showsTheReplacementOfARetriedOperationAndTheErrorOfARefusedOne() {
        IpvsOp retried = add(webKey, "10.0.0.2", 1);
        IpvsOp edit = new IpvsOp.EditDestination(
                webKey, new IpvsDestination(new DestinationKey(ip("10.0.0.2"), 80), ForwardingMethod.MASQ, 1, 0, 0));
        TransitionLines.Unclaimed unclaimed = new TransitionLines.Unclaimed(List.of(
                new OpResult(retried, OpResult.Outcome.RETRIED, Optional.of(new IpvsException("File exists", 17))),
                new OpResult(edit, OpResult.Outcome.FAILED, Optional.of(new IpvsException("No such process", 3)))));
        HealthEvent.Transition up = new HealthEvent.Transition(
                HealthKey.of(web, b),
                HealthStatus.DOWN,
                HealthStatus.UP,
                HealthEvent.Cause.CHECK,
                "HTTP 200",
                Duration.ofMillis(9),
                Duration.ofSeconds(30),
                NOW);

        TransitionLines.log(log, ProbeIndex.of(config), up, unclaimed);

        assertThat(sink.events())
                .singleElement()
                .asString()
                .contains("action=\"ipvsadm -e -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 1\"", "error=\"No such process\"");
        assertThat(unclaimed.rest()).isEmpty();
    }

    @Test
    void logsUnclaimedOperationsAsTableChangesDriftOrErrors() {
        TransitionLines.logOperation(log, "check", config, OpResult.applied(add(webKey, "127.0.0.9", 1)));
        TransitionLines.logOperation(log, "repair", config, OpResult.applied(add(webKey, "10.0.0.1", 2)));
        TransitionLines.logOperation(
                log,
                "configure",
                config,
                new OpResult(
                        add(webKey, "10.0.0.2", 1),
                        OpResult.Outcome.FAILED,
                        Optional.of(new IpvsException("Numerical result out of range", 34))));

        assertThat(sink.events())
                .containsExactly(
                        "table cause=check op=\"ipvsadm -a -t 192.0.2.10:80 -r 127.0.0.9:80 -m -w 1\""
                                + " change=\"Added fallback server: 127.0.0.9:80 (192.0.2.10:80) (Weight set to 1)\"",
                        "drift cause=repair op=\"ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 2\""
                                + " change=\"Added real server: 10.0.0.1:80 (192.0.2.10:80) (Weight set to 2)\"",
                        "table-error cause=configure op=\"ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 1\""
                                + " change=\"Added real server: 10.0.0.2:80 (192.0.2.10:80) (Weight set to 1)\""
                                + " error=\"Numerical result out of range\"");
    }

    @Test
    void leavesOutDeletesThatFoundNothingAndRetriedOperations() {
        TransitionLines.logOperation(
                log,
                "check",
                config,
                new OpResult(
                        delete(webKey, "10.0.0.1"),
                        OpResult.Outcome.ALREADY_DONE,
                        Optional.of(new IpvsException("No such file or directory", 2))));
        TransitionLines.logOperation(
                log,
                "check",
                config,
                new OpResult(
                        add(webKey, "10.0.0.1", 2),
                        OpResult.Outcome.RETRIED,
                        Optional.of(new IpvsException("File exists", 17))));

        assertThat(sink.lines()).isEmpty();
    }

    @Test
    void namesAServiceTheConfigurationNoLongerHasWhenPurgingIt() {
        TransitionLines.logOperation(
                log, "configure", config(false, api), OpResult.applied(new IpvsOp.DeleteService(webKey)));

        assertThat(sink.events())
                .containsExactly(
                        "table cause=configure op=\"ipvsadm -D -t 192.0.2.10:80\" change=\"Purged virtual server: 192.0.2.10:80\"");
    }
}
