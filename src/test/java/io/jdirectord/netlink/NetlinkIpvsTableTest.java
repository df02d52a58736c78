package io.jdirectord.netlink;

import static io.jdirectord.netlink.FakeKernel.ack;
import static io.jdirectord.netlink.FakeKernel.done;
import static io.jdirectord.netlink.FakeKernel.withSeq;
import static io.jdirectord.netlink.IpvsRequestsTest.ip;
import static io.jdirectord.netlink.IpvsRequestsTest.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.IpvsTunnel;
import io.jdirectord.ipvs.IpvsUnavailableException;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The table over a fake kernel: family resolution, reads, batches, failures, locking. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class NetlinkIpvsTableTest {

    private static final ServiceKey WEB = ServiceKey.of(IpvsProtocol.TCP, ip("192.0.2.100"), 80);
    private static final KernelRelease LINUX_6_1 = KernelRelease.parse("6.1.0");

    private static IpvsDestination dest(String address) {
        return new IpvsDestination(new DestinationKey(ip(address), 80), ForwardingMethod.MASQ, 1, 0, 0);
    }

    private static int command(NetlinkMessage request) {
        return Byte.toUnsignedInt(request.payload().get(0));
    }

    /** A kernel that acknowledges every change, failing the ones whose destination is 198.51.100.13. */
    private static List<byte[]> acknowledging(NetlinkMessage request) throws NetlinkException {
        boolean unlucky = request.command() == IpvsGenl.CMD_NEW_DEST
                && Hex.of(FakeKernel.bytes(request.payload())).contains("c633640d");
        return List.of(ack(request.seq(), unlucky ? 17 : 0));
    }

    @Test
    void resolvesTheFamilyAndAddressesItsRequestsToIt() throws IpvsException {
        FakeKernel kernel = new FakeKernel(NetlinkIpvsTableTest::acknowledging);
        kernel.familyId = 0x2a;
        try (NetlinkIpvsTable table = new NetlinkIpvsTable(kernel, LINUX_6_1)) {
            table.addService(service(WEB, "rr"));
            assertThat(table.familyId()).isEqualTo(0x2a);
        }
        assertThat(kernel.requests).extracting(NetlinkMessage::type).containsExactly(0x2a);
        assertThat(kernel.closed).isTrue();
    }

    @Test
    void saysHowToLoadIpvsWhenTheFamilyIsMissing() {
        FakeKernel kernel = new FakeKernel(NetlinkIpvsTableTest::acknowledging);
        kernel.controllerErrno = 2;
        assertThatThrownBy(() -> new NetlinkIpvsTable(kernel, LINUX_6_1))
                .isInstanceOf(IpvsUnavailableException.class)
                .hasMessage("IPVS is not available: load the ip_vs module (modprobe ip_vs)");
    }

    @Test
    void namesTheMissingCapabilityWhenTheKernelSaysEperm() throws IpvsException {
        FakeKernel kernel = new FakeKernel(request -> List.of(ack(request.seq(), 1)));
        try (NetlinkIpvsTable table = new NetlinkIpvsTable(kernel, LINUX_6_1)) {
            assertThatThrownBy(table::services)
                    .hasMessage(
                            "list the IPVS services failed: Operation not permitted (EPERM, errno 1);"
                                    + " changing or reading IPVS needs CAP_NET_ADMIN: run as root or grant the capability CAP_NET_ADMIN")
                    .hasFieldOrPropertyWithValue("errno", 1);
            assertThatThrownBy(() -> table.deleteService(WEB)).hasMessageContaining("CAP_NET_ADMIN");
        }
    }

    @Test
    void listsServicesWithTheirDestinationsOneDumpPerService() throws IpvsException {
        FakeKernel kernel = new FakeKernel(request -> switch (request.command()) {
            case IpvsGenl.CMD_GET_SERVICE ->
                List.of(withSeq(CapturedReplies.datagram("services_dump"), request.seq()), done(request.seq()));
            case IpvsGenl.CMD_GET_DEST ->
                Hex.of(FakeKernel.bytes(request.payload())).contains("c0000264")
                        ? List.of(withSeq(CapturedReplies.datagram("dests_a"), request.seq()), done(request.seq()))
                        : List.of(done(request.seq()));
            default -> List.of(ack(request.seq(), 95));
        });
        try (NetlinkIpvsTable table = new NetlinkIpvsTable(kernel, LINUX_6_1)) {
            List<ServiceEntry> services = table.services();
            assertThat(services).hasSize(6);
            assertThat(services.get(3).service().key()).isEqualTo(WEB);
            assertThat(services.get(3).destinations()).hasSize(2);
            assertThat(services)
                    .filteredOn(entry -> !entry.service().key().equals(WEB))
                    .allMatch(entry -> entry.destinations().isEmpty());
        }
        assertThat(kernel.requests).extracting(NetlinkIpvsTableTest::command).containsExactly(4, 8, 8, 8, 8, 8, 8);
    }

    @Test
    void sendsABatchInOneDatagramAndReportsTheFailureInTheMiddle() throws IpvsException {
        FakeKernel kernel = new FakeKernel(NetlinkIpvsTableTest::acknowledging);
        try (NetlinkIpvsTable table = new NetlinkIpvsTable(kernel, LINUX_6_1)) {
            kernel.datagramsSent.clear();
            List<Optional<IpvsException>> results = table.apply(List.of(
                    new IpvsOp.AddDestination(WEB, dest("198.51.100.11")),
                    new IpvsOp.AddDestination(WEB, dest("198.51.100.12")),
                    new IpvsOp.AddDestination(WEB, dest("198.51.100.13")),
                    new IpvsOp.AddDestination(WEB, dest("198.51.100.14")),
                    new IpvsOp.DeleteService(WEB)));
            assertThat(kernel.datagramsSent).hasSize(1);
            assertThat(results.get(2)).get().satisfies(failure -> {
                assertThat(failure.errno()).isEqualTo(17);
                assertThat(failure)
                        .hasMessage("add destination 198.51.100.13:80 to service -t 192.0.2.100:80"
                                + " [ipvsadm -a -t 192.0.2.100:80 -r 198.51.100.13:80 -m -w 1] failed: File exists (EEXIST, errno 17);"
                                + " the destination already exists");
            });
            assertThat(List.of(results.get(0), results.get(1), results.get(3), results.get(4)))
                    .allMatch(Optional::isEmpty);
        }
    }

    @Test
    void refusesTunnelsTheKernelWouldIgnoreAndStillSendsTheRest() throws IpvsException {
        FakeKernel kernel = new FakeKernel(NetlinkIpvsTableTest::acknowledging);
        IpvsDestination gue = new IpvsDestination(
                new DestinationKey(ip("198.51.100.4"), 80),
                ForwardingMethod.TUNNEL,
                1,
                0,
                0,
                new IpvsTunnel(IpvsTunnel.Type.GUE, 6080, 0));
        try (NetlinkIpvsTable table = new NetlinkIpvsTable(kernel, KernelRelease.parse("4.19.0"))) {
            List<Optional<IpvsException>> results = table.apply(
                    List.of(new IpvsOp.AddDestination(WEB, gue), new IpvsOp.AddDestination(WEB, dest("198.51.100.5"))));
            assertThat(results.get(0))
                    .get()
                    .extracting(IpvsException::getMessage)
                    .asString()
                    .contains(
                            "(EOPNOTSUPP, errno 95): tunnel IpvsTunnel[type=GUE, port=6080, flags=0] needs Linux 5.2");
            assertThat(results.get(1)).isEmpty();
        }
        assertThat(kernel.requests).hasSize(1);
    }

    @Test
    void resolvesTheFamilyAgainAfterTheModuleWasReloaded() throws IpvsException {
        FakeKernel[] holder = new FakeKernel[1];
        FakeKernel kernel =
                new FakeKernel(request -> List.of(ack(request.seq(), request.type() == holder[0].familyId ? 0 : 2)));
        holder[0] = kernel;
        try (NetlinkIpvsTable table = new NetlinkIpvsTable(kernel, LINUX_6_1)) {
            kernel.familyId = 0x21;
            table.addService(service(WEB, "rr"));
            assertThat(table.familyId()).isEqualTo(0x21);
        }
        assertThat(kernel.requests)
                .extracting(NetlinkMessage::type, NetlinkIpvsTableTest::command)
                .containsExactly(
                        tuple(0x20, IpvsGenl.CMD_NEW_SERVICE),
                        tuple(0x20, IpvsGenl.CMD_GET_INFO),
                        tuple(0x21, IpvsGenl.CMD_NEW_SERVICE));
    }

    @Test
    void keepsAnEnoentThatIsNotAboutTheFamily() throws IpvsException {
        FakeKernel kernel = new FakeKernel(
                request -> List.of(ack(request.seq(), request.command() == IpvsGenl.CMD_SET_DEST ? 2 : 0)));
        try (NetlinkIpvsTable table = new NetlinkIpvsTable(kernel, LINUX_6_1)) {
            assertThatThrownBy(() -> table.editDestination(WEB, dest("198.51.100.1")))
                    .hasMessageEndingWith("(ENOENT, errno 2); the destination does not exist");
        }
        assertThat(kernel.requests)
                .extracting(NetlinkIpvsTableTest::command)
                .containsExactly(IpvsGenl.CMD_SET_DEST, IpvsGenl.CMD_GET_INFO);
    }

    @Test
    void servesManyVirtualThreadsOneExchangeAtATime() throws Exception {
        FakeKernel kernel = new FakeKernel(NetlinkIpvsTableTest::acknowledging);
        try (NetlinkIpvsTable table = new NetlinkIpvsTable(kernel, LINUX_6_1);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (int thread = 0; thread < 16; thread++) {
                calls.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        table.addDestination(WEB, dest("198.51.100.20"));
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
        assertThat(kernel.requests).hasSize(800);
    }
}
