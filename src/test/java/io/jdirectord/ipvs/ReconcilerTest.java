package io.jdirectord.ipvs;

import static io.jdirectord.testing.EngineFixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.ipvs.OpResult.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReconcilerTest {

    private static final IpvsService WEB = service("192.0.2.10", 80, "wrr");
    private static final IpvsService OTHER = service("192.0.2.99", 80, "rr");

    @Test
    void buildsAConfiguredServiceFromAnEmptyTable() throws IpvsException {
        FakeIpvsTable table = new FakeIpvsTable();

        ReconcileReport report = reconcile(table, desired(WEB, dest("10.0.0.1", 80, 1), dest("10.0.0.2", 80, 2)));

        assertThat(commands(report.applied()))
                .containsExactly(
                        "ipvsadm -A -t 192.0.2.10:80 -s wrr",
                        "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -g -w 1",
                        "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -g -w 2");
        assertThat(table.applyCalls()).isEqualTo(1);
    }

    @Test
    void adoptsATableThatAlreadyMatchesWithoutAnyOperation() throws IpvsException {
        TableState wanted = desired(WEB, dest("10.0.0.1", 80, 1));
        FakeIpvsTable table = tableWith(wanted);

        ReconcileReport report = reconcile(table, wanted);

        assertThat(report.isEmpty()).isTrue();
        assertThat(table.applyCalls()).isZero();
    }

    @Test
    void editsOnlyTheDestinationWhoseWeightOrThresholdsDiffer() throws IpvsException {
        FakeIpvsTable table = tableWith(desired(WEB, dest("10.0.0.1", 80, 1), dest("10.0.0.2", 80, 1)));
        IpvsDestination limited = new IpvsDestination(key("10.0.0.2", 80), ForwardingMethod.ROUTE, 1, 100, 10);

        ReconcileReport report = reconcile(table, desired(WEB, dest("10.0.0.1", 80, 0), limited));

        assertThat(commands(report.applied()))
                .containsExactly(
                        "ipvsadm -e -t 192.0.2.10:80 -r 10.0.0.1:80 -g -w 0",
                        "ipvsadm -e -t 192.0.2.10:80 -r 10.0.0.2:80 -g -w 1 -x 100 -y 10");
    }

    @Test
    void editsTheServiceOnlyWhenItsSettingsDiffer() throws IpvsException {
        FakeIpvsTable table = tableWith(desired(WEB, dest("10.0.0.1", 80, 1)));

        ReconcileReport report = reconcile(table, desired(service("192.0.2.10", 80, "lc"), dest("10.0.0.1", 80, 1)));

        assertThat(commands(report.applied())).containsExactly("ipvsadm -E -t 192.0.2.10:80 -s lc");
    }

    @Test
    void treatsTheKernelDefaultNetmaskAndLocalForwardingAsEqual() throws IpvsException {
        IpvsService persistent =
                new IpvsService(WEB.key(), "wrr", OptionalInt.of(300), OptionalInt.empty(), false, 0, Optional.empty());
        IpvsService listedPersistent = new IpvsService(
                WEB.key(), "wrr", OptionalInt.of(300), OptionalInt.of(0xFFFFFFFF), false, 0, Optional.empty());
        IpvsDestination masq = new IpvsDestination(key("10.0.0.1", 8080), ForwardingMethod.MASQ, 1, 0, 0);
        IpvsDestination local = new IpvsDestination(key("10.0.0.1", 8080), ForwardingMethod.LOCAL, 1, 0, 0);
        FakeIpvsTable table = tableWith(desired(listedPersistent, local));

        assertThat(reconcile(table, desired(persistent, masq)).isEmpty()).isTrue();
    }

    @Test
    void comparesDirectRoutingDestinationsAtTheVirtualPort() throws IpvsException {
        FakeIpvsTable table = tableWith(desired(WEB, dest("10.0.0.1", 80, 1)));

        assertThat(reconcile(table, desired(WEB, dest("10.0.0.1", 8080, 1))).isEmpty())
                .isTrue();
    }

    @Test
    void deletesUnwantedDestinationsOfConfiguredServicesAndLeavesOtherServicesAlone() throws IpvsException {
        FakeIpvsTable table = tableWith(new TableState(List.of(
                state(WEB, dest("10.0.0.1", 80, 1), dest("10.0.0.9", 80, 1)), state(OTHER, dest("10.0.0.5", 80, 1)))));

        ReconcileReport report = reconcile(table, desired(WEB, dest("10.0.0.1", 80, 1)));

        assertThat(commands(report.applied())).containsExactly("ipvsadm -d -t 192.0.2.10:80 -r 10.0.0.9:80");
        assertThat(table.services()).extracting(e -> e.service().key()).contains(OTHER.key());
    }

    @Test
    void addsBeforeItDeletesSoAFallbackSwapNeverEmptiesTheService() throws IpvsException {
        FakeIpvsTable table = tableWith(desired(WEB, dest("10.0.0.1", 80, 1)));

        ReconcileReport report = reconcile(table, desired(WEB, dest("127.0.0.9", 80, 1)));

        assertThat(commands(report.applied()))
                .containsExactly(
                        "ipvsadm -a -t 192.0.2.10:80 -r 127.0.0.9:80 -g -w 1",
                        "ipvsadm -d -t 192.0.2.10:80 -r 10.0.0.1:80");
    }

    @Test
    void deletesRetiredServicesThatAreStillListed() throws IpvsException {
        FakeIpvsTable table = tableWith(new TableState(List.of(state(WEB), state(OTHER))));

        ReconcileReport report = new Reconciler(table)
                .reconcile(
                        TableState.EMPTY,
                        table.services(),
                        Set.of(OTHER.key(), service("192.0.2.50", 80, "wrr").key()));

        assertThat(commands(report.applied())).containsExactly("ipvsadm -D -t 192.0.2.99:80");
    }

    @Test
    void anAddThatFindsTheEntryIsRetriedAsAnEdit() throws IpvsException {
        FakeIpvsTable table = new FakeIpvsTable();
        List<ServiceEntry> listedBefore = table.services();
        table.addService(service("192.0.2.10", 80, "rr"));

        ReconcileReport report = new Reconciler(table).reconcile(desired(WEB), listedBefore, Set.of());

        assertThat(report.results()).extracting(OpResult::outcome).containsExactly(Outcome.RETRIED, Outcome.APPLIED);
        assertThat(commands(report.applied())).containsExactly("ipvsadm -E -t 192.0.2.10:80 -s wrr");
        assertThat(table.services().get(0).service().scheduler()).isEqualTo("wrr");
    }

    @Test
    void anEditThatFindsNoDestinationIsRetriedAsAnAdd() throws IpvsException {
        FakeIpvsTable table = tableWith(desired(WEB, dest("10.0.0.1", 80, 1)));
        List<ServiceEntry> listed = table.services();
        table.deleteDestination(WEB.key(), key("10.0.0.1", 80));

        ReconcileReport report =
                new Reconciler(table).reconcile(desired(WEB, dest("10.0.0.1", 80, 5)), listed, Set.of());

        assertThat(report.results()).extracting(OpResult::outcome).containsExactly(Outcome.RETRIED, Outcome.APPLIED);
        assertThat(commands(report.applied())).containsExactly("ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -g -w 5");
    }

    @Test
    void aDeleteThatFindsNothingIsAlreadyDone() throws IpvsException {
        FakeIpvsTable table = tableWith(desired(WEB, dest("10.0.0.1", 80, 1)));
        List<ServiceEntry> listed = table.services();
        table.deleteDestination(WEB.key(), key("10.0.0.1", 80));

        ReconcileReport report = new Reconciler(table).reconcile(desired(WEB), listed, Set.of());

        assertThat(report.results()).extracting(OpResult::outcome).containsExactly(Outcome.ALREADY_DONE);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void reportsAFailureAndStillAppliesTheOtherOperations() throws IpvsException {
        FakeIpvsTable table = new FakeIpvsTable().failNext(op -> op.toIpvsadm().contains("10.0.0.1"), 22);

        ReconcileReport report = reconcile(table, desired(WEB, dest("10.0.0.1", 80, 1), dest("10.0.0.2", 80, 1)));

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.op().toIpvsadm()).isEqualTo("ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -g -w 1");
            assertThat(failure.error())
                    .hasValueSatisfying(e -> assertThat(e.errno()).isEqualTo(22));
        });
        assertThat(commands(report.applied()))
                .containsExactly(
                        "ipvsadm -A -t 192.0.2.10:80 -s wrr", "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -g -w 1");
    }

    @Test
    void aRepairPassRestoresDriftAndThenFindsNothingToDo() throws IpvsException {
        TableState wanted = desired(WEB, dest("10.0.0.1", 80, 1), dest("10.0.0.2", 80, 1));
        FakeIpvsTable table = tableWith(wanted);
        table.deleteDestination(WEB.key(), key("10.0.0.2", 80));
        table.editDestination(WEB.key(), dest("10.0.0.1", 80, 9));

        ReconcileReport repair = reconcile(table, wanted);
        ReconcileReport next = reconcile(table, wanted);

        assertThat(commands(repair.applied()))
                .containsExactly(
                        "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -g -w 1",
                        "ipvsadm -e -t 192.0.2.10:80 -r 10.0.0.1:80 -g -w 1");
        assertThat(next.isEmpty()).isTrue();
    }

    private static ReconcileReport reconcile(FakeIpvsTable table, TableState desired) {
        return new Reconciler(table).reconcile(desired, table.services(), Set.of());
    }

    private static FakeIpvsTable tableWith(TableState state) throws IpvsException {
        FakeIpvsTable table = new FakeIpvsTable();
        for (ServiceState service : state.services()) {
            table.addService(service.service());
            for (IpvsDestination d : service.destinations()) {
                table.addDestination(service.key(), d);
            }
        }
        return table;
    }

    static IpvsService service(String vip, int port, String scheduler) {
        return new IpvsService(
                ServiceKey.of(IpvsProtocol.TCP, ip(vip), port),
                scheduler,
                OptionalInt.empty(),
                OptionalInt.empty(),
                false,
                0,
                Optional.empty());
    }

    static DestinationKey key(String ip, int port) {
        return new DestinationKey(ip(ip), port);
    }

    static IpvsDestination dest(String ip, int port, int weight) {
        return new IpvsDestination(key(ip, port), ForwardingMethod.ROUTE, weight, 0, 0);
    }

    private static ServiceState state(IpvsService service, IpvsDestination... destinations) {
        return new ServiceState(service, List.of(destinations));
    }

    private static TableState desired(IpvsService service, IpvsDestination... destinations) {
        return new TableState(List.of(state(service, destinations)));
    }

    private static List<String> commands(List<IpvsOp> ops) {
        return ops.stream().map(IpvsOp::toIpvsadm).toList();
    }
}
