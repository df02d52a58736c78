package io.jdirectord.daemon;

import static io.jdirectord.daemon.DaemonProcess.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime {@code drain} against real TCP connections, in the guest's kernel: the network of
 * src/test/vm/lvs-cluster with director d1 alone holding the virtual address (no keepalived), the jar
 * running there as the daemon, nginx on r1 (A) and r2 (B) behind it by direct routing, and the client
 * holding HTTP keep-alive connections to A through the virtual address (src/test/vm/held-connection).
 * {@code ipvsadm} in d1 observes weights, the kernel's connection counts ({@code ActiveConn InActConn}) and
 * its connection entries ({@code -Lnc}). The tests run in order: the one that turns
 * {@code expire_nodest_conn} off comes last, as it leaves an entry behind.
 */
@Tag("kernel")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DrainKernelTest {

    private static final String CLUSTER = "src/test/vm/lvs-cluster";
    private static final String VIP = "10.10.0.100";
    private static final String A = "10.10.0.21:80";
    private static final String B = "10.10.0.22:80";
    private static final Duration READY = Duration.ofSeconds(240);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** held-connection gives a request 5 s on its socket; this covers a slow guest around it. */
    private static final Duration ANSWER = Duration.ofSeconds(15);
    /** A Python start in the guest under a loaded host can take longer than a request. */
    private static final Duration OPEN = Duration.ofSeconds(30);

    private static final Pattern UNTIL = Pattern.compile(" draining until (\\S+?),? ");
    private static final String CONFIG = """
            checkinterval=1
            checktimeout=10
            negotiatetimeout=10
            quiescent=no
            repairinterval=2
            virtual=10.10.0.100:80
                real=10.10.0.21:80 gate
                real=10.10.0.22:80 gate
                scheduler=rr
                service=http
                checktype=negotiate
                request="/"
                receive="served-by"
            """;

    @TempDir
    static Path dir;

    private static boolean up;
    private static DaemonProcess daemon;
    private final List<HeldConnection> held = new ArrayList<>();

    @BeforeAll
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    static void startDirector() throws Exception {
        GuestWebServers.assumeGuest();
        for (String tool : List.of("/usr/bin/python3", "/usr/bin/curl")) {
            Prerequisites.require(Files.isExecutable(Path.of(tool)), "the drain test needs " + tool);
        }
        GuestWebServers.run(CLUSTER, "up", dir.toString());
        up = true;
        GuestWebServers.run("ip", "netns", "exec", "d1", "ip", "address", "add", VIP + "/24", "dev", "eth0");
        Path home = Files.createDirectories(dir.resolve("d1"));
        daemon = DaemonProcess.startOnKernelIn("d1", home, CONFIG);
        daemon.awaitEvent("ready", READY);
    }

    @AfterAll
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    static void stopDirector() {
        if (daemon != null) {
            daemon.close();
        }
        if (up) {
            GuestWebServers.run(CLUSTER, "down", dir.toString());
        }
    }

    /** A is back from the previous test's drain and both real servers take new connections. */
    @BeforeEach
    void enableBoth() throws Exception {
        if (!destinations().stream()
                .map(DrainKernelTest::withoutCounts)
                .toList()
                .contains(A + " Route 1")) {
            DaemonProcess.Run enable = daemon.commandInGuest("enable", A);
            assertThat(enable.status()).as(enable.err()).isZero();
        }
        awaitDestinations(A + " Route 1", B + " Route 1");
    }

    @AfterEach
    void closeHeldConnections() {
        held.forEach(HeldConnection::close);
    }

    @Test
    @Order(1)
    void heldConnectionsKeepAnsweringThroughADrainAndAreResetWhenTheDeadlineRemovesTheRealServer() throws Exception {
        List<HeldConnection> onA = holdOnA(2);
        int mark = daemon.log().size();

        Instant deadline = drain("45");
        awaitDestinations(A + " Route 0", B + " Route 1");
        assertThat(servedBy(3)).containsExactly("served-by r2");
        for (HeldConnection connection : onA) {
            assertThat(connection.exchange(ANSWER)).isEqualTo("ok served-by r1");
        }
        assertThat(onA.get(0).finish("close", ANSWER)).isEqualTo("closed");
        assertThat(connectionCounts())
                .as("1 held connection active, the closed one inactive in FIN_WAIT")
                .isEqualTo(A + " Route 0 1 1");
        assertThat(Instant.now())
                .as("the steps above ran before the drain deadline")
                .isBefore(deadline);

        assertThat(daemon.awaitLog(mark, event("drained", "real=" + A), WAIT.plusSeconds(30)))
                .contains("reason=\"drain deadline passed with 2 connections\"");
        awaitDestinations(B + " Route 1");
        assertThat(connectionEntries())
                .as("expire_nodest_conn=1 expires the entries of a removed real server at once")
                .noneMatch(entry -> entry.contains(port(onA.get(1))));
        assertThat(onA.get(1).exchange(ANSWER))
                .as("the director's own TCP answers a segment that no entry forwards")
                .isEqualTo("broken Connection reset by peer");
    }

    @Test
    @Order(2)
    void aDrainEndsBeforeItsDeadlineOnceTheKernelHasExpiredTheEntriesOfTheClosedConnections() throws Exception {
        assertThat(ipvsadm("-L", "--timeout")).contains("Timeout (tcp tcpfin udp): 900 120 300");
        ipvsadm("--set", "0", "15", "0");
        try {
            List<HeldConnection> onA = holdOnA(2);
            int mark = daemon.log().size();

            drain("300");
            awaitDestinations(A + " Route 0", B + " Route 1");
            assertThat(onA.get(0).finish("close", ANSWER)).isEqualTo("closed");
            assertThat(onA.get(1).finish("reset", ANSWER)).isEqualTo("reset");
            long closed = System.nanoTime();
            assertThat(connectionEntries())
                    .as("direct routing: the director sees only the client's side, FIN then FIN_WAIT (tcpfin),"
                            + " RST then CLOSE (10 s)")
                    .anyMatch(entry -> entry.contains(" FIN_WAIT ") && entry.contains(port(onA.get(0))))
                    .anyMatch(entry -> entry.contains(" CLOSE ") && entry.contains(port(onA.get(1))));
            assertThat(connectionCounts()).isEqualTo(A + " Route 0 0 2");

            assertThat(daemon.awaitLog(mark, event("drained", "real=" + A), WAIT.plusSeconds(30)))
                    .contains("reason=\"drained: 0 connections\"");
            System.out.printf(
                    "drain: the drained event came %d ms after the client closed its last connection (tcpfin 15 s)%n",
                    (System.nanoTime() - closed) / 1_000_000);
            awaitDestinations(B + " Route 1");
        } finally {
            ipvsadm("--set", "0", "120", "0");
        }
    }

    @Test
    @Order(3)
    void withoutExpireNodestConnTheDirectorSilentlyDropsAHeldConnectionAfterTheDeadline() throws Exception {
        GuestWebServers.run("ip", "netns", "exec", "d1", "sysctl", "-qw", "net.ipv4.vs.expire_nodest_conn=0");
        try {
            HeldConnection onA = holdOnA(1).get(0);
            int mark = daemon.log().size();

            drain("20");
            assertThat(onA.exchange(ANSWER)).isEqualTo("ok served-by r1");
            assertThat(daemon.awaitLog(mark, event("drained", "real=" + A), WAIT.plusSeconds(20)))
                    .contains("reason=\"drain deadline passed with 1 connection\"");
            awaitDestinations(B + " Route 1");

            assertThat(connectionEntries())
                    .as("the entry outlives its real server until its own timeout (15 min when established)")
                    .anyMatch(entry -> entry.contains(" ESTABLISHED ") && entry.contains(port(onA)));
            assertThat(onA.exchange(ANSWER))
                    .as("the director drops the connection's segments: the client's request times out")
                    .isEqualTo("broken timed out");
        } finally {
            GuestWebServers.run("ip", "netns", "exec", "d1", "sysctl", "-qw", "net.ipv4.vs.expire_nodest_conn=1");
        }
    }

    /** The client's side of {@code connection} in a connection entry: {@code 10.10.0.2:53786 }. */
    private static String port(HeldConnection connection) {
        return ":" + connection.localPort() + " ";
    }

    /** Runs {@code drain SECONDS A}; returns the deadline the daemon answers with. */
    private static Instant drain(String seconds) throws Exception {
        DaemonProcess.Run drain = daemon.commandInGuest("drain", seconds, A);
        assertThat(drain.status()).as(drain.err()).isZero();
        Matcher until = UNTIL.matcher(drain.out());
        assertThat(until.find()).as(drain.out()).isTrue();
        return Instant.parse(until.group(1));
    }

    /** Opens connections from the client until {@code count} of them are served by A (r1); closes the others. */
    private List<HeldConnection> holdOnA(int count) throws IOException {
        List<HeldConnection> onA = new ArrayList<>();
        for (int attempt = 0; onA.size() < count && attempt < 4 * count; attempt++) {
            HeldConnection connection = HeldConnection.open("client", VIP, OPEN);
            held.add(connection);
            if (connection.exchange(ANSWER).equals("ok served-by r1")) {
                onA.add(connection);
            } else {
                connection.close();
            }
        }
        assertThat(onA).as("connections served by r1").hasSize(count);
        return onA;
    }

    /** The distinct answers of {@code requests} new connections from the client to the virtual address. */
    private static Set<String> servedBy(int requests) {
        Set<String> served = new TreeSet<>();
        for (int i = 0; i < requests; i++) {
            served.add(GuestWebServers.run(
                            "ip", "netns", "exec", "client", "curl", "-sS", "--max-time", "5", "http://" + VIP + "/")
                    .trim());
        }
        return served;
    }

    /** Waits until d1's table lists exactly {@code expected} ({@code 10.10.0.21:80 Route 0}) for the service. */
    private static void awaitDestinations(String... expected) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(destinations().stream()
                                .map(DrainKernelTest::withoutCounts)
                                .toList())
                        .as(daemon::transcript)
                        .containsExactlyInAnyOrder(expected));
    }

    /** {@code 10.10.0.21:80 Route 0} of {@code 10.10.0.21:80 Route 0 1 1}. */
    private static String withoutCounts(String destination) {
        return String.join(" ", List.of(destination.split(" ")).subList(0, 3));
    }

    /** A's line in d1's table with the kernel's counts: {@code 10.10.0.21:80 Route 0 ACTIVE INACTIVE}. */
    private static String connectionCounts() {
        return destinations().stream()
                .filter(line -> line.startsWith(A + " "))
                .findFirst()
                .orElse("(A is not in the table)");
    }

    /** The destinations of the virtual service in d1's table: {@code 10.10.0.21:80 Route 1 0 0}. */
    private static List<String> destinations() {
        return ipvsadm("-Ln", "-t", VIP + ":80")
                .lines()
                .map(String::trim)
                .filter(line -> line.startsWith("-> ") && !line.startsWith("-> RemoteAddress"))
                .map(line -> line.substring(3).trim().replaceAll("\\s+", " "))
                .toList();
    }

    /** d1's connection entries: {@code TCP 01:57 FIN_WAIT 10.10.0.2:53786 10.10.0.100:80 10.10.0.21:80}. */
    private static List<String> connectionEntries() {
        return ipvsadm("-Lnc")
                .lines()
                .map(line -> line.trim().replaceAll("\\s+", " "))
                .filter(line -> line.startsWith("TCP "))
                .toList();
    }

    private static String ipvsadm(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", "d1", "/usr/sbin/ipvsadm"));
        command.addAll(List.of(arguments));
        return GuestWebServers.run(command);
    }
}
