package io.jdirectord.netlink;

import static io.jdirectord.netlink.IpvsRequestsTest.ip;
import static io.jdirectord.netlink.IpvsRequestsTest.service;
import static io.jdirectord.netlink.NetlinkIpvsTableKernelTest.dest;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.IpvsStats;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceEntry.DestinationEntry;
import io.jdirectord.ipvs.ServiceKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Counters after real traffic through a NAT service. The virtual and real addresses live on the guest's
 * lo (the guest has no network card), so nothing leaves the machine.
 */
@Tag("kernel")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatisticsKernelTest extends EmptyKernelTable {

    private static final ServiceKey VIRTUAL = ServiceKey.of(IpvsProtocol.TCP, ip("10.0.0.1"), 8080);
    private static final int CONNECTIONS = 5;

    @BeforeEach
    void addTheAddressesToLoopback() {
        for (String address : List.of("10.0.0.1/32", "10.0.0.2/32")) {
            KernelTables.run(List.of("ip", "addr", "replace", address, "dev", "lo"));
        }
    }

    @Test
    void reportsTheCountersIpvsadmReports() throws IOException, IpvsException, InterruptedException {
        table.addService(service(VIRTUAL, "rr"));
        table.addDestination(VIRTUAL, dest("10.0.0.2", 9000, ForwardingMethod.MASQ, 1));
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(ip("10.0.0.2"), 9000));
            Thread.ofVirtual().start(() -> answer(server));
            for (int i = 0; i < CONNECTIONS; i++) {
                assertThat(exchange("hello " + i + "\n")).isEqualTo("hi\n");
            }
        }
        ServiceEntry entry = settledEntry();
        assertThat(observedTotals())
                .containsExactly(
                        "TCP 10.0.0.1:8080 " + totals(entry.stats()),
                        "-> 10.0.0.2:9000 " + totals(entry.destinations().get(0).stats()));
        assertThat(entry.stats().connections()).isEqualTo(CONNECTIONS);
        DestinationEntry dest = entry.destinations().get(0);
        assertThat(KernelTables.listed())
                .contains("-> 10.0.0.2:9000 Masq 1 " + dest.activeConnections() + " " + dest.inactiveConnections());
        assertThat(dest.activeConnections() + dest.inactiveConnections()).isEqualTo(CONNECTIONS);
    }

    /**
     * The kernel publishes its per-CPU counters every 2 s (the rate estimator's period): polls, for at
     * most 30 s, until every connection is counted and two readings 2.5 s apart agree.
     */
    private ServiceEntry settledEntry() throws IpvsException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ServiceEntry previous = table.service(VIRTUAL).orElseThrow();
        while (System.nanoTime() < deadline) {
            Thread.sleep(2500);
            ServiceEntry current = table.service(VIRTUAL).orElseThrow();
            if (current.stats().connections() == CONNECTIONS
                    && totals(current.stats()).equals(totals(previous.stats()))) {
                return current;
            }
            previous = current;
        }
        throw new AssertionError("the counters did not settle within 30 s: " + previous.stats());
    }

    private static List<String> observedTotals() {
        String observed = KernelTables.ipvsadm("-L", "-n", "--stats", "--exact", "-t", "10.0.0.1:8080");
        return KernelTables.lines(observed).subList(2, 4).stream()
                .map(line -> line.trim().replaceAll("\\s+", " "))
                .toList();
    }

    private static String totals(IpvsStats stats) {
        return stats.connections() + " " + stats.packetsIn() + " " + stats.packetsOut() + " " + stats.bytesIn() + " "
                + stats.bytesOut();
    }

    private static String exchange(String line) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ip("10.0.0.1"), 8080), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(line.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static void answer(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                InputStream in = client.getInputStream();
                int read = in.read();
                while (read != '\n' && read != -1) {
                    read = in.read();
                }
                OutputStream out = client.getOutputStream();
                out.write("hi\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                return;
            }
        }
    }
}
