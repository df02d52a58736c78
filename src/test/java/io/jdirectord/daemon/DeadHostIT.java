package io.jdirectord.daemon;

import static io.jdirectord.daemon.DaemonProcess.event;
import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.testing.FullBacklog;
import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.check.testing.ScriptedServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ldirectord checks serially, so each dead host (its packets dropped: only the timeout ends its check)
 * delays every other detection by a whole checktimeout. Here 3 dead hosts among 20 real servers must not
 * delay the detection of a healthy server that is shut.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeadHostIT {

    private static final int HEALTHY = 17;
    private static final String[] DROPPED = {"127.77.0.1", "127.77.0.2", "127.77.0.3"};

    /** How a dead host is simulated. */
    enum DeadHost {
        /** A listener whose accept queue is full: the kernel drops further SYNs. Works unprivileged. */
        FULL_BACKLOG,
        /** A server that accepts and never answers: the HTTP check waits for its response until the timeout. */
        SILENT,
        /** {@code iptables -j DROP} on a loopback address of its own. Needs root. */
        IPTABLES_DROP
    }

    @TempDir
    Path dir;

    @RegisterExtension
    final Resources resources = new Resources();

    @ParameterizedTest(name = "{0}")
    @EnumSource(DeadHost.class)
    void deadHostsDoNotDelayTheDetectionOfAnotherFailure(DeadHost kind) throws Exception {
        List<String> dead = deadHosts(kind);
        List<Backend> healthy = new ArrayList<>();
        StringBuilder reals = new StringBuilder();
        for (int i = 1; i <= HEALTHY; i++) {
            Backend backend = resources.keep(Backend.on("127.0.10." + i));
            healthy.add(backend);
            reals.append("    real=").append(backend.hostPort()).append(" masq\n");
        }
        dead.forEach(hostPort -> reals.append("    real=").append(hostPort).append(" masq\n"));
        DaemonProcess daemon = resources.keep(DaemonProcess.start(dir, """
                checkinterval=1
                checktimeout=3
                failurecount=1
                virtual=192.0.2.10:80
                    service=http
                    checktype=negotiate
                    request="/"
                    receive="OK"
                """ + reals));
        Backend victim = healthy.get(HEALTHY / 2);
        daemon.awaitEvent("up", Duration.ofSeconds(20), "real=" + victim.hostPort());
        daemon.awaitEvent("down", Duration.ofSeconds(20), "real=" + dead.getLast());

        long killed = System.nanoTime();
        victim.close();
        String down = daemon.awaitEvent("down", Duration.ofSeconds(10), "real=" + victim.hostPort());
        long detectedMillis = (System.nanoTime() - killed) / 1_000_000;

        assertThat(detectedMillis)
                .as(
                        "detection after the kill; checkinterval 1 s, dead hosts time out after 3 s\n%s",
                        daemon.transcript())
                .isLessThan(2500);
        assertThat(down)
                .contains("from=up", "to=down", "action=\"ipvsadm -d -t 192.0.2.10:80 -r " + victim.hostPort() + "\"");
        assertThat(daemon.operations()).contains("ipvsadm -d -t 192.0.2.10:80 -r " + victim.hostPort());
        assertThat(daemon.log())
                .filteredOn(event("up"))
                .hasSize(HEALTHY)
                .allMatch(line -> line.contains("action=\"ipvsadm -a -t 192.0.2.10:80 -r "));
        assertThat(daemon.log()).noneMatch(event("table", "real server:"));
        for (String hostPort : dead) {
            assertThat(daemon.log()).filteredOn(event("up", "real=" + hostPort)).isEmpty();
            assertThat(daemon.operations()).noneMatch(op -> op.contains("-r " + hostPort));
        }
    }

    private List<String> deadHosts(DeadHost kind) throws Exception {
        List<String> hostPorts = new ArrayList<>();
        for (int i = 0; i < DROPPED.length; i++) {
            InetAddress address = InetAddress.getByName("127.0.11." + (i + 1));
            if (kind == DeadHost.FULL_BACKLOG) {
                hostPorts.add(address.getHostAddress() + ":"
                        + resources.keep(FullBacklog.on(address)).port());
            } else if (kind == DeadHost.SILENT) {
                hostPorts.add(address.getHostAddress() + ":"
                        + resources
                                .keep(ScriptedServer.start(address, connection -> {}))
                                .port());
            } else {
                require(HostCommands.isRoot(), "iptables needs root");
                HostCommands.Outcome added =
                        HostCommands.run("iptables", "-I", "INPUT", "-d", DROPPED[i], "-j", "DROP");
                require(added.ok(), () -> "iptables refused: " + added.output());
                String dropped = DROPPED[i];
                resources.keep(() -> HostCommands.run("iptables", "-D", "INPUT", "-d", dropped, "-j", "DROP"));
                hostPorts.add(DROPPED[i] + ":80");
            }
        }
        return hostPorts;
    }
}
