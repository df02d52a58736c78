package io.jdirectord.netlink;

import static io.jdirectord.netlink.IpvsRequestsTest.ip;
import static io.jdirectord.netlink.IpvsRequestsTest.service;
import static io.jdirectord.netlink.NetlinkIpvsTableKernelTest.TCP_A;
import static io.jdirectord.netlink.NetlinkIpvsTableKernelTest.TCP_V6;
import static io.jdirectord.netlink.NetlinkIpvsTableKernelTest.dest;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.IpvsTable;
import io.jdirectord.ipvs.ServiceEntry.DestinationEntry;
import io.jdirectord.ipvs.ServiceKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code apply} with thousands of operations, and with failures in the middle of a batch. */
@Tag("kernel")
@Timeout(value = 400, unit = TimeUnit.SECONDS)
class BatchKernelTest extends EmptyKernelTable {

    /** 198.51.0.0 + index: distinct real-server addresses. */
    static IpvsDestination numbered(int index, int weight) {
        try {
            byte[] address = {(byte) 198, 51, (byte) (index >> 8), (byte) index};
            return new IpvsDestination(
                    new DestinationKey(InetAddress.getByAddress(address), 80), ForwardingMethod.ROUTE, weight, 0, 0);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<IpvsOp> adds(int count) {
        List<IpvsOp> ops = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ops.add(new IpvsOp.AddDestination(TCP_A, numbered(i, 1)));
        }
        return ops;
    }

    private static List<IpvsOp> weights(int count, int weight) {
        List<IpvsOp> ops = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ops.add(new IpvsOp.EditDestination(TCP_A, numbered(i, weight)));
        }
        return ops;
    }

    @Test
    void appliesThousandsOfOperations() throws IpvsException {
        table.addService(service(TCP_A, "wrr"));
        assertThat(table.apply(adds(3000))).allMatch(Optional::isEmpty);
        assertThat(table.apply(weights(3000, 9))).allMatch(Optional::isEmpty);
        List<String> saved = KernelTables.saved();
        assertThat(saved).hasSize(3001).last().isEqualTo("-a -t 192.0.2.10:80 -r 198.51.11.184:80 -g -w 9");
        assertThat(table.destinations(TCP_A))
                .hasSize(3000)
                .allMatch(entry -> entry.destination().weight() == 9);
        List<IpvsOp> deletes = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            deletes.add(new IpvsOp.DeleteDestination(TCP_A, numbered(i, 0).key()));
        }
        deletes.add(new IpvsOp.DeleteService(TCP_A));
        assertThat(table.apply(deletes)).allMatch(Optional::isEmpty);
        assertThat(KernelTables.saved()).isEmpty();
    }

    @Test
    void listsHundredsOfServicesThatSpanSeveralDumpDatagrams() throws IpvsException {
        List<IpvsOp> ops = new ArrayList<>();
        for (int port = 1; port <= 400; port++) {
            ops.add(new IpvsOp.AddService(service(ServiceKey.of(IpvsProtocol.UDP, ip("192.0.2.20"), port), "rr")));
        }
        assertThat(table.apply(ops)).allMatch(Optional::isEmpty);
        assertThat(table.services())
                .hasSize(400)
                .extracting(entry -> entry.service().key().port())
                .doesNotHaveDuplicates();
        assertThat(KernelTables.saved()).hasSize(400);
    }

    @Test
    void reportsEveryFailureOfABatchAndStillAppliesTheRest() throws IpvsException {
        table.addService(service(TCP_A, "rr"));
        IpvsDestination first = dest("198.51.100.1", 80, ForwardingMethod.MASQ, 1);
        IpvsDestination second = dest("198.51.100.2", 80, ForwardingMethod.MASQ, 2);
        List<Optional<IpvsException>> results = table.apply(List.of(
                new IpvsOp.AddDestination(TCP_A, first),
                new IpvsOp.AddDestination(TCP_A, first),
                new IpvsOp.AddDestination(TCP_A, second),
                new IpvsOp.EditDestination(TCP_A, dest("198.51.100.3", 80, ForwardingMethod.MASQ, 1)),
                new IpvsOp.DeleteService(TCP_V6),
                new IpvsOp.AddService(service(TCP_V6, "nosuch")),
                new IpvsOp.EditDestination(TCP_A, dest("198.51.100.2", 80, ForwardingMethod.MASQ, 5))));
        assertThat(results)
                .extracting(result -> result.map(IpvsException::errno).orElse(0))
                .containsExactly(0, IpvsTable.EEXIST, 0, IpvsTable.ENOENT, IpvsTable.ESRCH, IpvsTable.ENOENT, 0);
        assertThat(results.get(1).orElseThrow())
                .hasMessageStartingWith("add destination 198.51.100.1:80 to service -t 192.0.2.10:80");
        assertThat(table.destinations(TCP_A))
                .extracting(DestinationEntry::destination)
                .containsExactlyInAnyOrder(first, dest("198.51.100.2", 80, ForwardingMethod.MASQ, 5));
    }

    /**
     * Not an assertion: prints how long 1,000 destination adds and 1,000 weight changes take through
     * netlink batches, through one netlink request each, and through one ipvsadm process each.
     */
    @Test
    void measuresNetlinkAgainstIpvsadmProcesses() throws IpvsException {
        table.addService(service(TCP_A, "wrr"));
        long batchAdd = millis(() -> assertThat(table.apply(adds(1000))).allMatch(Optional::isEmpty));
        long batchWeights =
                millis(() -> assertThat(table.apply(weights(1000, 5))).allMatch(Optional::isEmpty));
        table.flush();
        table.addService(service(TCP_A, "wrr"));
        long singleAdd = millis(() -> forEach(adds(1000)));
        long singleWeights = millis(() -> forEach(weights(1000, 5)));
        table.flush();
        KernelTables.ipvsadm("-A", "-t", "192.0.2.10:80", "-s", "wrr");
        long ipvsadmAdd = millis(() -> ipvsadmEach("-a", 1));
        long ipvsadmWeights = millis(() -> ipvsadmEach("-e", 5));
        assertThat(KernelTables.saved()).hasSize(1001);
        System.out.printf(
                "measurement: 1000 destination adds / 1000 weight changes:%n"
                        + "  netlink batches:          %6d ms / %6d ms%n"
                        + "  netlink, one per request: %6d ms / %6d ms%n"
                        + "  ipvsadm, one per process: %6d ms / %6d ms%n",
                batchAdd, batchWeights, singleAdd, singleWeights, ipvsadmAdd, ipvsadmWeights);
    }

    private void forEach(List<IpvsOp> ops) {
        for (IpvsOp op : ops) {
            assertThat(table.apply(List.of(op)).get(0)).isEmpty();
        }
    }

    /** One ipvsadm process per change, started by one shell as ldirectord starts them. */
    private static void ipvsadmEach(String command, int weight) {
        StringBuilder script = new StringBuilder("set -e\n");
        for (int i = 1; i <= 1000; i++) {
            script.append("ipvsadm ")
                    .append(command)
                    .append(" -t 192.0.2.10:80 -r ")
                    .append(numbered(i, weight).key())
                    .append(" -g -w ")
                    .append(weight)
                    .append('\n');
        }
        try {
            Path file = Files.createTempFile("ipvsadm-each", ".sh");
            Files.writeString(file, script);
            KernelTables.run(List.of("bash", file.toString()));
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
