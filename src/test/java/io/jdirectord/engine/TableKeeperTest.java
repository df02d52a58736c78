package io.jdirectord.engine;

import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Config;
import io.jdirectord.config.Forwarding;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.daemon.alert.EmailAlerts;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.daemon.log.RecordingSink;
import io.jdirectord.daemon.report.EventReporter;
import io.jdirectord.decision.IpvsSettings;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthRegistry;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.DryRunIpvsTable;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.IpvsTable;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The table keeper's passes, driven on the test thread ({@link TableKeeper#reconcileNow}); results that
 * arrive while a pass is applying its operations are simulated by a table that runs a hook at that
 * moment, so the interleaving is exact without threads or sleeps.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TableKeeperTest {

    private static final Instant NOW = Instant.parse("2026-11-21T07:00:00Z");

    private final RealServer a = real("10.0.0.1", 80, Forwarding.MASQ, 1);
    private final RealServer b = real("10.0.0.2", 80, Forwarding.MASQ, 1);
    private final RecordingSink sink = new RecordingSink();
    private final HookedTable table = new HookedTable();
    private final HealthRegistry health = new HealthRegistry();
    private final EventReporter reporter = new EventReporter(
            new FailureLog(List.of(sink), Clock.fixed(NOW, ZoneOffset.UTC), false),
            new EmailAlerts(settings -> alert -> {}, Runnable::run, failure -> {}, "director"),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final TableKeeper keeper = new TableKeeper(
            table,
            health,
            reporter,
            command -> {},
            new DirectorHealthFacts(),
            new SlowStart(),
            new AgentWeights(),
            new OperatorControls(),
            new RemovedDrains(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        keeper.close();
    }

    /** Configures {@code virtual} with every real server up, and runs the first pass. */
    private VirtualService start(VirtualService virtual) {
        Config config = config(false, virtual);
        Set<HealthKey> keys = HealthKey.allOf(config);
        keeper.configure(running(config), Set.of(), List.of(), () -> health.configure(keys, keys, NOW));
        keeper.reconcileNow("configure");
        return virtual;
    }

    private static Running running(Config config) {
        return new Running(config, ProbeIndex.of(config), new FirstRound(List.of()));
    }

    private void fail(VirtualService virtual, RealServer real) {
        keeper.change(() -> health.record(virtual.probeFor(real), CheckResult.down("connection refused"), NOW));
    }

    private void recover(VirtualService virtual, RealServer real) {
        keeper.change(() -> health.record(virtual.probeFor(real), CheckResult.up("HTTP 200"), NOW));
    }

    @Test
    void aResultArrivingDuringAPassIsLoggedWithItsOwnOperationsByTheNextPass() {
        VirtualService web = start(tcp("192.0.2.10", 80).real(a).real(b).build());
        fail(web, a);
        table.duringNextApply(() -> fail(web, b));

        keeper.reconcileNow("check");
        keeper.reconcileNow("check");

        assertThat(sink.events())
                .filteredOn(line -> line.startsWith("down "))
                .containsExactly(
                        "down virtual=tcp:192.0.2.10:80 real=10.0.0.1:80 from=up to=down cause=check reason=\"connection refused\""
                                + " elapsed=0ms action=\"ipvsadm -d -t 192.0.2.10:80 -r 10.0.0.1:80\"",
                        "down virtual=tcp:192.0.2.10:80 real=10.0.0.2:80 from=up to=down cause=check reason=\"connection refused\""
                                + " elapsed=0ms action=\"ipvsadm -d -t 192.0.2.10:80 -r 10.0.0.2:80\"");
        assertThat(sink.events()).noneMatch(line -> line.startsWith("table cause=check"));
    }

    @Test
    void aServerThatChangedSeveralTimesBeforeAPassHasTheOperationsOnItsLastChange() {
        VirtualService web = start(tcp("192.0.2.10", 80).real(a).build());
        fail(web, a);
        keeper.reconcileNow("check");
        recover(web, a);
        fail(web, a);
        recover(web, a);

        keeper.reconcileNow("check");

        assertThat(sink.events())
                .filteredOn(line -> line.startsWith("up ") || line.startsWith("down "))
                .extracting(line -> line.substring(0, line.indexOf(' ')) + line.substring(line.indexOf(" action=")))
                .containsExactly(
                        "down action=\"ipvsadm -d -t 192.0.2.10:80 -r 10.0.0.1:80\"",
                        "up action=none",
                        "down action=none",
                        "up action=\"ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 1\"");
    }

    @Test
    void anActionAskedForDuringAPassRunsAfterTheNextOne() {
        VirtualService web = start(tcp("192.0.2.10", 80).real(a).build());
        List<String> ran = new ArrayList<>();
        table.duringNextApply(() -> keeper.afterNextPass(() -> ran.add("after")));
        fail(web, a);

        keeper.reconcileNow("check");
        assertThat(ran).isEmpty();

        keeper.reconcileNow("check");
        assertThat(ran).containsExactly("after");
    }

    @Test
    void aRepairPassReportsWhatAPendingHealthChangeCausesAsACheckNotAsDrift() {
        VirtualService web = start(tcp("192.0.2.10", 80)
                .real(a)
                .fallback("127.0.0.9", 80, Forwarding.MASQ)
                .build());
        fail(web, a);

        keeper.reconcileNow("repair");

        assertThat(sink.events())
                .contains("table cause=check op=\"ipvsadm -a -t 192.0.2.10:80 -r 127.0.0.9:80 -m -w 1\""
                        + " change=\"Added fallback server: 127.0.0.9:80 (192.0.2.10:80) (Weight set to 1)\"");
        assertThat(sink.events()).noneMatch(line -> line.startsWith("drift "));
    }

    @Test
    void aRepairPassReportsWhatItPutsBackAsDrift() throws IpvsException {
        VirtualService web = start(tcp("192.0.2.10", 80).real(a).real(b).build());
        table.deleteDestination(IpvsSettings.serviceKey(web.key()), IpvsSettings.destinationKey(web, b));

        keeper.reconcileNow("repair");
        keeper.reconcileNow("repair");

        assertThat(sink.events())
                .filteredOn(line -> line.startsWith("drift "))
                .containsExactly("drift cause=repair op=\"ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 1\""
                        + " change=\"Added real server: 10.0.0.2:80 (192.0.2.10:80) (Weight set to 1)\"");
    }

    @Test
    void aNewConfigurationAndItsHealthKeysWaitTogetherForAPassInProgress() throws Exception {
        VirtualService web = start(tcp("192.0.2.10", 80).real(a).build());
        CountDownLatch inPass = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        table.duringNextApply(() -> {
            inPass.countDown();
            awaitQuietly(release);
        });
        fail(web, a);
        Thread pass = Thread.ofPlatform().start(() -> keeper.reconcileNow("check"));
        inPass.await();
        AtomicBoolean healthReconfigured = new AtomicBoolean();
        Config next = config(false, tcp("192.0.2.10", 80).real(b).build());
        Thread reload = Thread.ofPlatform()
                .start(() -> keeper.configure(running(next), Set.of(), List.of(), () -> {
                    healthReconfigured.set(true);
                    return health.configure(HealthKey.allOf(next), Set.of(), NOW);
                }));
        while (reload.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }

        assertThat(healthReconfigured)
                .as("health keys changed while the pass was still applying")
                .isFalse();
        release.countDown();
        pass.join();
        reload.join();
        assertThat(healthReconfigured).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The dry-run table, with a hook run once at the start of the next batch of operations. */
    private static final class HookedTable implements IpvsTable {
        private final DryRunIpvsTable table = new DryRunIpvsTable();
        private Optional<Runnable> hook = Optional.empty();

        void duringNextApply(Runnable action) {
            hook = Optional.of(action);
        }

        @Override
        public List<Optional<IpvsException>> apply(List<IpvsOp> ops) {
            Optional<Runnable> now = hook;
            hook = Optional.empty();
            now.ifPresent(Runnable::run);
            return IpvsTable.super.apply(ops);
        }

        @Override
        public List<ServiceEntry> services() {
            return table.services();
        }

        @Override
        public void addService(IpvsService service) throws IpvsException {
            table.addService(service);
        }

        @Override
        public void editService(IpvsService service) throws IpvsException {
            table.editService(service);
        }

        @Override
        public void deleteService(ServiceKey key) throws IpvsException {
            table.deleteService(key);
        }

        @Override
        public void addDestination(ServiceKey service, IpvsDestination destination) throws IpvsException {
            table.addDestination(service, destination);
        }

        @Override
        public void editDestination(ServiceKey service, IpvsDestination destination) throws IpvsException {
            table.editDestination(service, destination);
        }

        @Override
        public void deleteDestination(ServiceKey service, DestinationKey destination) throws IpvsException {
            table.deleteDestination(service, destination);
        }
    }
}
