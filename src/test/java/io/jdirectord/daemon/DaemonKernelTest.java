package io.jdirectord.daemon;

import static io.jdirectord.daemon.DaemonProcess.event;
import static io.jdirectord.daemon.GuestWebServers.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole daemon end to end on a real kernel (the qemu guest of src/test/vm, as root): the jar runs
 * {@code CONFIG start} without {@code --dry-run} against nginx on the addresses of a dummy interface,
 * and {@code ipvsadm -Ln} observes the kernel's table while real servers fail and come back, someone
 * changes the table behind the daemon's back, the configuration is reloaded and the daemon stops.
 * Deadlines are generous: everything in the guest runs under CPU emulation.
 */
@Tag("kernel")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DaemonKernelTest {

    /** A JVM start and first round under emulation took over 60 s on a loaded host (the daemon's --version alone 11 s). */
    private static final Duration READY = Duration.ofSeconds(120);

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WEB = "TCP 192.0.2.10:80";
    private static final String MARK = "FWM 7";
    private static final String WEB6 = "TCP [2001:db8::10]:80";

    private static GuestWebServers servers;

    @TempDir
    Path dir;

    private final List<DaemonProcess> daemons = new ArrayList<>();

    @BeforeAll
    static void startRealServers(@TempDir Path nginx) throws Exception {
        GuestWebServers.assumeGuest();
        servers = GuestWebServers.start(nginx);
    }

    @AfterAll
    static void stopRealServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @BeforeEach
    @AfterEach
    void emptyTable() throws InterruptedException {
        for (DaemonProcess daemon : daemons) {
            daemon.close();
        }
        daemons.clear();
        servers.acceptAll();
        run("/usr/sbin/ipvsadm", "-C");
    }

    /**
     * Failures are injected as TCP resets, detected at once whatever the timeout; the generous
     * checktimeout keeps a first probe on a cold JVM under software emulation from timing out.
     */
    private static String config(int firstWeight) {
        return """
                checkinterval=1
                checktimeout=10
                quiescent=no
                repairinterval=1
                virtual=192.0.2.10:80
                    real=10.9.0.1:80 gate %d
                    real=10.9.0.2:80 gate 2
                    real=10.9.0.3:80 gate 3 l:10 u:100
                    fallback=127.0.0.1:80 gate
                    service=http
                    checktype=negotiate
                    request="%s"
                    receive="%s"
                virtual=7
                    real=10.9.0.1 gate
                    real=10.9.0.2 gate
                    checkport=80
                    service=http
                    checktype=negotiate
                    request="%2$s"
                    receive="%3$s"
                virtual6=[2001:db8::10]:80
                    real6=[%s]:80 gate 4
                    service=http
                    checktype=negotiate
                    request="%2$s"
                    receive="%3$s"
                """.formatted(
                        firstWeight, GuestWebServers.HEALTH_PAGE, GuestWebServers.HEALTH_BODY, GuestWebServers.REAL6);
    }

    private DaemonProcess start(String config) throws Exception {
        DaemonProcess daemon = DaemonProcess.startOnKernel(dir, config);
        daemons.add(daemon);
        daemon.awaitEvent("ready", READY);
        return daemon;
    }

    @Test
    void configurationTestAcceptsTheConfigurationThatStartKeeps() throws Exception {
        Path file = dir.resolve("test.cf");
        Files.writeString(file, config(1));

        String output = GuestWebServers.run(DaemonProcess.jdirectord(List.of("-t", file.toString())));

        assertThat(output)
                .contains(
                        "3 virtual services, 6 real servers",
                        "virtual tcp:192.0.2.10:80",
                        "virtual fwm:7",
                        file + ": configuration OK");
    }

    @Test
    void takesFailedRealServersOutOfTheKernelTableAndPutsThemBack() throws Exception {
        DaemonProcess daemon = start(config(1));
        awaitDestinations(daemon, READY, WEB, "10.9.0.1:80 Route 1", "10.9.0.2:80 Route 2", "10.9.0.3:80 Route 3");
        awaitDestinations(daemon, MARK, "10.9.0.1:0 Route 1", "10.9.0.2:0 Route 1");
        awaitDestinations(daemon, WEB6, "[2001:db8:9::1]:80 Route 4");
        assertThat(destinations(WEB, "--thresholds"))
                .containsExactlyInAnyOrder("10.9.0.1:80 0 0", "10.9.0.2:80 0 0", "10.9.0.3:80 100 10");

        int mark = daemon.log().size();
        servers.reject("10.9.0.2");
        assertThat(daemon.awaitLog(mark, event("down", "virtual=tcp:192.0.2.10:80 ", "real=10.9.0.2:80 "), WAIT))
                .contains("from=up to=down", "action=\"ipvsadm -d -t 192.0.2.10:80 -r 10.9.0.2:80\"");
        awaitDestinations(daemon, WEB, "10.9.0.1:80 Route 1", "10.9.0.3:80 Route 3");
        awaitDestinations(daemon, MARK, "10.9.0.1:0 Route 1");

        mark = daemon.log().size();
        servers.accept("10.9.0.2");
        assertThat(daemon.awaitLog(mark, event("up", "virtual=tcp:192.0.2.10:80 ", "real=10.9.0.2:80 "), WAIT))
                .contains("from=down to=up", "action=\"ipvsadm -a -t 192.0.2.10:80 -r 10.9.0.2:80 -g -w 2\"");
        awaitDestinations(daemon, WEB, "10.9.0.1:80 Route 1", "10.9.0.2:80 Route 2", "10.9.0.3:80 Route 3");

        mark = daemon.log().size();
        GuestWebServers.REALS.forEach(servers::reject);
        awaitDestinations(daemon, WEB, "127.0.0.1:80 Route 1");
        awaitDestinations(daemon, MARK);
        daemon.awaitLog(mark, event("table", "op=\"ipvsadm -a -t 192.0.2.10:80 -r 127.0.0.1:80 -g -w 1\""), WAIT);

        mark = daemon.log().size();
        servers.accept("10.9.0.3");
        awaitDestinations(daemon, WEB, "10.9.0.3:80 Route 3");
        daemon.awaitLog(mark, event("table", "op=\"ipvsadm -d -t 192.0.2.10:80 -r 127.0.0.1:80\""), WAIT);
        awaitDestinations(daemon, WEB6, "[2001:db8:9::1]:80 Route 4");
    }

    @Test
    void repairsDriftAppliesAReloadAndRemovesItsServicesAtStop() throws Exception {
        DaemonProcess daemon = start(config(1));
        awaitDestinations(daemon, READY, WEB, "10.9.0.1:80 Route 1", "10.9.0.2:80 Route 2", "10.9.0.3:80 Route 3");

        await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(daemon::alive);
        assertThat(daemon.log())
                .as("repair passes find the table as the daemon made it\n%s", daemon.transcript())
                .noneMatch(line -> line.contains(" drift ") || line.contains(" table-error "));
        int mark = daemon.log().size();
        run("/usr/sbin/ipvsadm", "-d", "-t", "192.0.2.10:80", "-r", "10.9.0.1:80");
        daemon.awaitLog(mark, event("drift", "op=\"ipvsadm -a -t 192.0.2.10:80 -r 10.9.0.1:80 -g -w 1\""), WAIT);
        awaitDestinations(daemon, WEB, "10.9.0.1:80 Route 1", "10.9.0.2:80 Route 2", "10.9.0.3:80 Route 3");

        mark = daemon.log().size();
        daemon.rewriteConfig(config(5));
        daemon.signal("HUP");
        daemon.awaitLog(mark, event("reload", "result=ok"), WAIT);
        awaitDestinations(daemon, WEB, "10.9.0.1:80 Route 5", "10.9.0.2:80 Route 2", "10.9.0.3:80 Route 3");

        assertThat(daemon.terminate(WAIT)).isZero();
        assertThat(services()).isEmpty();
        assertThat(daemon.log()).anyMatch(event("table", "cause=stop", "op=\"ipvsadm -D -t 192.0.2.10:80\""));
    }

    @Test
    void adoptsTheTableItFindsWithoutRemovingAndReAddingDestinations() throws Exception {
        run("/usr/sbin/ipvsadm", "-A", "-t", "192.0.2.10:80", "-s", "wrr");
        run("/usr/sbin/ipvsadm", "-a", "-t", "192.0.2.10:80", "-r", "10.9.0.1:80", "-g", "-w", "1");
        run("/usr/sbin/ipvsadm", "-a", "-t", "192.0.2.10:80", "-r", "10.9.0.2:80", "-g", "-w", "2");
        run(
                "/usr/sbin/ipvsadm",
                "-a",
                "-t",
                "192.0.2.10:80",
                "-r",
                "10.9.0.3:80",
                "-g",
                "-w",
                "3",
                "-x",
                "100",
                "-y",
                "10");
        List<String> before = destinations(WEB);
        List<String> thresholdsBefore = destinations(WEB, "--thresholds");

        DaemonProcess daemon = start(config(1));
        await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(daemon::alive);

        assertThat(daemon.loggedOperations())
                .as(daemon::transcript)
                .noneMatch(op -> op.contains(" -t 192.0.2.10:80 "))
                .contains("ipvsadm -A -f 7 -s wrr");
        assertThat(destinations(WEB)).isEqualTo(before);
        assertThat(destinations(WEB, "--thresholds")).isEqualTo(thresholdsBefore);
    }

    private static void awaitDestinations(DaemonProcess daemon, String service, String... expected) {
        awaitDestinations(daemon, WAIT, service, expected);
    }

    /** Waits until {@code ipvsadm -Ln} lists exactly {@code expected} as the destinations of {@code service}. */
    private static void awaitDestinations(DaemonProcess daemon, Duration limit, String service, String... expected) {
        await().atMost(limit)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(destinations(service))
                        .as(() -> service + "\n" + daemon.transcript())
                        .containsExactlyInAnyOrder(expected));
    }

    /** The services {@code ipvsadm -Ln} lists, as {@code PROTOCOL ADDRESS}: {@code TCP 192.0.2.10:80}, {@code FWM 7}. */
    private static List<String> services() {
        return listing().stream()
                .filter(line -> !line.startsWith("->"))
                .map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 2)))
                .toList();
    }

    /**
     * The destinations of {@code service} as {@code ipvsadm -Ln EXTRA} lists them, without the connection
     * counts: {@code 10.9.0.1:80 Route 1}; with {@code --thresholds} the upper and lower threshold take the place
     * of forwarding and weight: {@code 10.9.0.3:80 100 10}.
     */
    private static List<String> destinations(String service, String... extra) {
        List<String> found = new ArrayList<>();
        boolean inside = false;
        for (String line : listing(extra)) {
            if (!line.startsWith("->")) {
                inside = line.startsWith(service + " ");
            } else if (inside) {
                found.add(String.join(" ", List.of(line.split(" ")).subList(1, 4)));
            }
        }
        return found;
    }

    /** The lines of {@code ipvsadm -Ln EXTRA} after its three header lines, trimmed, blanks made one space. */
    private static List<String> listing(String... extra) {
        List<String> command = new ArrayList<>(List.of("/usr/sbin/ipvsadm", "-L", "-n"));
        command.addAll(List.of(extra));
        List<String> lines = GuestWebServers.run(command)
                .lines()
                .map(line -> line.trim().replaceAll("\\s+", " "))
                .filter(line -> !line.isEmpty())
                .toList();
        return lines.subList(Math.min(3, lines.size()), lines.size());
    }
}
