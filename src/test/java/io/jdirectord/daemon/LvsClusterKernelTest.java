package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole LVS cluster in the guest's kernel (src/test/vm/lvs-cluster): a client, two directors and three
 * nginx real servers in network namespaces on one bridge, direct routing, the virtual address floating
 * between the directors under keepalived's VRRP (nopreempt, vrrp_script jdirectord-health every second,
 * fall 2). Each director runs the jar against its own namespace's IPVS table with the same configuration.
 * The tests run in order, each on the state the one before left: balancing, a dead real server, a killed
 * jdirectord (the connection open through the master breaks: no connection synchronisation yet), then
 * with sync daemons a director whose link goes down (the open connection survives), and its return.
 * Failover times are printed; they are measured inside the emulated guest.
 */
@Tag("kernel")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 400, unit = TimeUnit.SECONDS)
class LvsClusterKernelTest {

    private static final String CLUSTER = "src/test/vm/lvs-cluster";
    private static final String VIP = "10.10.0.100";
    private static final List<String> REALS = List.of("10.10.0.21:80", "10.10.0.22:80", "10.10.0.23:80");
    private static final Duration READY = Duration.ofSeconds(240);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final String SYNC = """
            syncdaemon = master eth0 7
            syncdaemon = backup eth0 7
            """;
    /** The configuration of both directors: only the trackfile's directory differs. */
    private static final String CONFIG = """
            checkinterval=1
            checktimeout=10
            negotiatetimeout=10
            quiescent=no
            repairinterval=2
            trackfile=%s
            %s
            virtual=10.10.0.100:80
                real=10.10.0.21:80 gate
                real=10.10.0.22:80 gate
                real=10.10.0.23:80 gate
                scheduler=rr
                service=http
                checktype=negotiate
                request="/"
                receive="served-by"
            """;

    @TempDir
    static Path dir;

    private static final Map<String, DaemonProcess> daemons = new ConcurrentHashMap<>();
    private static final List<HeldConnection> connections = new ArrayList<>();
    private static boolean up;
    /** The director holding the virtual address now, and the other. */
    private static String master = "d1";

    private static String backup = "d2";
    /** The connection through the master when it disappeared, which synchronisation must keep. */
    private static HeldConnection survivor;

    private static String survivorServer;

    @BeforeAll
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    static void startCluster() throws Exception {
        GuestWebServers.assumeGuest();
        for (String tool : List.of("/usr/sbin/keepalived", "/usr/bin/python3", "/usr/bin/curl")) {
            Prerequisites.require(Files.isExecutable(Path.of(tool)), "the cluster test needs " + tool);
        }
        GuestWebServers.run(CLUSTER, "up", dir.toString());
        up = true;
        for (String director : List.of("d1", "d2")) {
            Files.createDirectories(dir.resolve(director));
            startJdirectord(director, "");
        }
        for (String director : List.of("d1", "d2")) {
            daemons.get(director).awaitEvent("ready", READY);
        }
        GuestWebServers.run(CLUSTER, "keepalived", dir.toString(), "d1");
        awaitVip("d1", WAIT);
        GuestWebServers.run(CLUSTER, "keepalived", dir.toString(), "d2");
    }

    private static void startJdirectord(String director, String sync) throws IOException {
        Path home = dir.resolve(director);
        daemons.put(
                director,
                DaemonProcess.startOnKernelIn(
                        director, home, CONFIG.formatted(home.resolve("jdirectord.track"), sync)));
    }

    @AfterAll
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    static void stopCluster() throws Exception {
        connections.forEach(HeldConnection::close);
        for (DaemonProcess daemon : daemons.values()) {
            daemon.close();
        }
        if (up) {
            GuestWebServers.run(CLUSTER, "down", dir.toString());
        }
    }

    @Test
    @Order(1)
    void theClientIsBalancedOverTheRealServersAndBothTablesHoldThem() throws Exception {
        for (String director : List.of("d1", "d2")) {
            awaitDestinations(director, REALS);
            assertThat(Files.readString(dir.resolve(director).resolve("jdirectord.track")))
                    .isEqualTo("0\n");
        }
        assertThat(servedBy(9)).containsExactly("served-by r1", "served-by r2", "served-by r3");

        long started = System.nanoTime();
        DaemonProcess.Run health = daemons.get("d1").command("health");
        System.out.printf("cluster: jdirectord health (a JVM start in the guest) took %d ms%n", millisSince(started));
        assertThat(health.status()).as(health.err()).isZero();
        assertThat(health.out()).isEqualTo("healthy: every virtual service has a real server up\n");
    }

    @Test
    @Order(2)
    void aDeadRealServerLeavesBothTablesAndTheOthersServeTheClient() throws Exception {
        GuestWebServers.run("ip", "netns", "exec", "r3", "sh", "-c", "kill $(cat " + dir.resolve("nginx-r3.pid") + ")");

        for (String director : List.of("d1", "d2")) {
            awaitDestinations(director, REALS.subList(0, 2));
        }
        assertThat(servedBy(6)).containsExactly("served-by r1", "served-by r2");
    }

    @Test
    @Order(3)
    void whenTheMastersJdirectordIsKilledTheBackupTakesTheAddress() throws Exception {
        followTheAddress();
        HeldConnection unsynchronised = hold();
        assertThat(unsynchronised.exchange(ANSWER)).startsWith("ok served-by");

        long killed = System.nanoTime();
        GuestWebServers.run("kill", "-KILL", Long.toString(daemons.get(master).pid()));
        awaitVip(backup, WAIT);
        long vipMoved = millisSince(killed);
        awaitNewConnection();
        System.out.printf(
                "cluster: master's jdirectord killed: the backup held the address after %d ms,"
                        + " a new connection succeeded after %d ms%n",
                vipMoved, millisSince(killed));
        assertThat(hasVip(master)).isFalse();

        assertThat(unsynchronised.exchange(ANSWER))
                .as("without connection synchronisation")
                .startsWith("broken");
        swapRoles();

        int logged = daemons.get(backup).log().size();
        startJdirectord(backup, "");
        daemons.get(backup).awaitLog(logged, DaemonProcess.event("ready"), READY);
        awaitTrackValue(backup, "0");
    }

    @Test
    @Order(4)
    void whenTheMasterDisappearsTheBackupTakesOverAndASynchronisedConnectionSurvives() throws Exception {
        for (String director : List.of("d1", "d2")) {
            daemons.get(director)
                    .rewriteConfig(CONFIG.formatted(dir.resolve(director).resolve("jdirectord.track"), SYNC));
            daemons.get(director).signal("HUP");
        }
        for (String director : List.of("d1", "d2")) {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(ipvsadm(director, "-L", "--daemon"))
                            .contains(
                                    "master sync daemon (mcast=eth0, syncid=7",
                                    "backup sync daemon (mcast=eth0, syncid=7"));
        }
        followTheAddress();
        survivor = hold();
        for (int request = 0; request < 3; request++) {
            survivorServer = survivor.exchange(ANSWER);
            assertThat(survivorServer).startsWith("ok served-by");
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(ipvsadm(backup, "-Lnc"))
                        .as("synchronised to " + backup)
                        .containsPattern("TCP .*ESTABLISHED +10\\.10\\.0\\.2:" + survivor.localPort()
                                + " +10\\.10\\.0\\.100:80 "));

        long gone = System.nanoTime();
        GuestWebServers.run("ip", "link", "set", master + "-br", "down");
        awaitVip(backup, WAIT);
        long vipMoved = millisSince(gone);
        awaitNewConnection();
        System.out.printf(
                "cluster: master's link down: the backup held the address after %d ms,"
                        + " a new connection succeeded after %d ms%n",
                vipMoved, millisSince(gone));

        assertThat(survivor.exchange(ANSWER))
                .as("the connection synchronised before the failover")
                .isEqualTo(survivorServer);
        swapRoles();
    }

    @Test
    @Order(5)
    void whenTheOldMasterComesBackTheAddressStaysAndNoConnectionIsDropped() throws Exception {
        HeldConnection during = hold();
        String duringServer = during.exchange(ANSWER);
        assertThat(duringServer).startsWith("ok served-by");

        GuestWebServers.run("ip", "link", "set", backup + "-br", "up");
        awaitTrackValue(backup, "0");
        for (int second = 0; second < 5; second++) {
            assertThat(survivor.exchange(ANSWER)).isEqualTo(survivorServer);
            assertThat(during.exchange(ANSWER)).isEqualTo(duringServer);
            Thread.sleep(1000);
        }

        assertThat(hasVip(master))
                .as("nopreempt: the address stays with " + master)
                .isTrue();
        assertThat(hasVip(backup)).isFalse();
        assertThat(servedBy(4)).containsExactly("served-by r1", "served-by r2");
        for (String director : List.of("d1", "d2")) {
            awaitDestinations(director, REALS.subList(0, 2));
        }
    }

    /**
     * Makes {@link #master} the director that holds the address now. Under heavy emulation load a starved
     * daemon can report stalled probing for a moment, and keepalived then moves the address (nopreempt
     * keeps it there); the next failover must start from where the address is, or it proves nothing.
     */
    private static void followTheAddress() {
        if (!hasVip(master) && hasVip(backup)) {
            System.out.printf(
                    "cluster: the address had moved to %s before this step (a health flap under load)%n", backup);
            swapRoles();
        }
        assertThat(hasVip(master)).as(master + " holds the address").isTrue();
    }

    private static void swapRoles() {
        String old = master;
        master = backup;
        backup = old;
    }

    private static HeldConnection hold() throws IOException {
        HeldConnection connection = HeldConnection.open("client", VIP, ANSWER);
        connections.add(connection);
        return connection;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
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

    /** Waits until a new connection to the virtual address is answered. */
    private static void awaitNewConnection() {
        awaitTrue(
                "a new connection through " + backup,
                () -> exec("ip", "netns", "exec", "client", "curl", "-sS", "--max-time", "2", "http://" + VIP + "/")
                        .startsWith("served-by"),
                WAIT);
    }

    private static void awaitVip(String director, Duration limit) {
        awaitTrue("the virtual address on " + director, () -> hasVip(director), limit);
    }

    private static boolean hasVip(String director) {
        return exec("ip", "netns", "exec", director, "ip", "-4", "-brief", "address", "show", "dev", "eth0")
                .contains(" " + VIP + "/");
    }

    private static void awaitTrackValue(String director, String value) {
        Path track = dir.resolve(director).resolve("jdirectord.track");
        awaitTrue(
                director + "'s trackfile saying " + value,
                () -> exec("cat", track.toString()).equals(value + "\n"),
                READY);
    }

    private static void awaitDestinations(String director, List<String> expected) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(destinations(director))
                        .as(director)
                        .containsExactlyInAnyOrderElementsOf(
                                expected.stream().map(real -> real + " Route 1").toList()));
    }

    /** The destinations of the virtual service in {@code director}'s table: {@code 10.10.0.21:80 Route 1}. */
    private static List<String> destinations(String director) {
        List<String> lines = ipvsadm(director, "-Ln", "-t", VIP + ":80")
                .lines()
                .map(String::trim)
                .toList();
        return lines.stream()
                .filter(line -> line.startsWith("-> ") && !line.startsWith("-> RemoteAddress"))
                .map(line -> String.join(
                        " ", List.of(line.substring(3).trim().split("\\s+")).subList(0, 3)))
                .toList();
    }

    private static String ipvsadm(String director, String... arguments) {
        List<String> command = new ArrayList<>(List.of("netns", "exec", director, "/usr/sbin/ipvsadm"));
        command.addAll(List.of(arguments));
        return GuestWebServers.run("ip", command.toArray(String[]::new));
    }

    /** Polls {@code condition} every 50 ms; fails naming {@code what} when it does not hold within {@code limit}. */
    private static void awaitTrue(String what, BooleanSupplier condition, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(
                        "no " + what + " within " + limit.toSeconds() + " s; keepalived:\n" + syslog());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String syslog() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("syslog.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no syslog: " + e.getMessage() + ")";
        }
    }

    /** Runs a command and returns its output, whatever its exit status. */
    private static String exec(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
