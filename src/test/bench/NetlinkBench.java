import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.ServiceKey;
import io.jdirectord.netlink.NetlinkIpvsTable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * NetlinkBench COUNT: times COUNT destination additions and COUNT weight changes on the kernel's IPVS
 * table through NetlinkIpvsTable.apply, once as one batch each (what the daemon does when COUNT servers
 * change in one pass) and once as COUNT applies of one operation. Prints one line per measurement:
 *   netlink <how> <what> <count> <milliseconds>
 * Run as root in a guest whose kernel has IPVS (src/test/bench/netlink-vs-ipvsadm does that); it flushes
 * the table before and after. The destinations are 127.1.x.y:80 and never receive traffic.
 */
public final class NetlinkBench {

    private static final ServiceKey SERVICE = ServiceKey.of(IpvsProtocol.TCP, address(127, 255, 0, 1), 80);

    private NetlinkBench() {
    }

    public static void main(String[] args) throws IpvsException {
        int count = Integer.parseInt(args[0]);
        try (NetlinkIpvsTable table = NetlinkIpvsTable.open()) {
            table.flush();
            table.addService(new IpvsService(SERVICE, "wrr", OptionalInt.empty(), OptionalInt.empty(), false, 0,
                    Optional.empty()));
            time("batch", "add", count, () -> batch(table, ops(count, i -> add(i, 1))));
            time("batch", "weight", count, () -> batch(table, ops(count, i -> edit(i, 2))));
            time("batch", "delete", count, () -> batch(table, ops(count, NetlinkBench::delete)));
            time("single", "add", count, () -> single(table, ops(count, i -> add(i, 1))));
            time("single", "weight", count, () -> single(table, ops(count, i -> edit(i, 2))));
            table.flush();
        }
    }

    private interface Work {
        void run() throws IpvsException;
    }

    private static void time(String how, String what, int count, Work work) throws IpvsException {
        long start = System.nanoTime();
        work.run();
        System.out.printf("netlink %s %s %d %.1f%n", how, what, count, (System.nanoTime() - start) / 1e6);
    }

    private static void batch(NetlinkIpvsTable table, List<IpvsOp> ops) throws IpvsException {
        check(table.apply(ops));
    }

    private static void single(NetlinkIpvsTable table, List<IpvsOp> ops) throws IpvsException {
        for (IpvsOp op : ops) {
            check(table.apply(List.of(op)));
        }
    }

    private static void check(List<Optional<IpvsException>> results) throws IpvsException {
        for (Optional<IpvsException> result : results) {
            if (result.isPresent()) {
                throw result.get();
            }
        }
    }

    private static List<IpvsOp> ops(int count, IntFunction<IpvsOp> op) {
        List<IpvsOp> ops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ops.add(op.apply(i));
        }
        return ops;
    }

    private static DestinationKey key(int i) {
        return new DestinationKey(address(127, 1, i / 250, i % 250 + 1), 80);
    }

    private static IpvsOp add(int i, int weight) {
        return new IpvsOp.AddDestination(SERVICE, new IpvsDestination(key(i), ForwardingMethod.MASQ, weight, 0, 0));
    }

    private static IpvsOp edit(int i, int weight) {
        return new IpvsOp.EditDestination(SERVICE, new IpvsDestination(key(i), ForwardingMethod.MASQ, weight, 0, 0));
    }

    private static IpvsOp delete(int i) {
        return new IpvsOp.DeleteDestination(SERVICE, key(i));
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
