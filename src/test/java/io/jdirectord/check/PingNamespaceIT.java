package io.jdirectord.check;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.testing.HostCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ping checks in a private network namespace, run by {@link PingProbeMain} in a child JVM inside it:
 * 192.0.2.1 and 2001:db8::1 answer, .2/::2 are dropped by the firewall (dead hosts), .3/::3 are rejected
 * with ICMP destination unreachable. Each case runs with a raw socket (CAP_NET_RAW) and with a ping socket
 * (CAP_NET_RAW dropped, ping_group_range covering gid 0). Needs root, ip, iptables, ip6tables, setpriv.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PingNamespaceIT {

    private static final String NAMESPACE = "jdping" + ProcessHandle.current().pid();

    /** How the child may open ICMP sockets. */
    enum Privilege {
        RAW_SOCKET,
        PING_SOCKET
    }

    @BeforeAll
    static void createNamespace() {
        require(HostCommands.isRoot(), "network namespaces need root");
        for (String tool : List.of("/usr/sbin/ip", "/usr/sbin/iptables", "/usr/sbin/ip6tables", "/usr/bin/setpriv")) {
            require(HostCommands.executable(tool), tool + " is not installed");
        }
        HostCommands.Outcome created = HostCommands.run("ip", "netns", "add", NAMESPACE);
        require(created.ok(), "cannot create a network namespace: " + created.output());
        inNamespace("ip", "link", "set", "lo", "up");
        for (String host : List.of("1", "2", "3")) {
            inNamespace("ip", "addr", "add", "192.0.2." + host + "/32", "dev", "lo");
            inNamespace("ip", "-6", "addr", "add", "2001:db8::" + host + "/128", "dev", "lo", "nodad");
        }
        inNamespace("iptables", "-A", "INPUT", "-d", "192.0.2.2", "-p", "icmp", "-j", "DROP");
        inNamespace(
                "iptables",
                "-A",
                "INPUT",
                "-d",
                "192.0.2.3",
                "-p",
                "icmp",
                "--icmp-type",
                "echo-request",
                "-j",
                "REJECT",
                "--reject-with",
                "icmp-host-unreachable");
        inNamespace("ip6tables", "-A", "INPUT", "-d", "2001:db8::2", "-p", "ipv6-icmp", "-j", "DROP");
        inNamespace(
                "ip6tables",
                "-A",
                "INPUT",
                "-d",
                "2001:db8::3",
                "-p",
                "ipv6-icmp",
                "--icmpv6-type",
                "echo-request",
                "-j",
                "REJECT",
                "--reject-with",
                "icmp6-addr-unreachable");
        setPingGroupRange("0 0");
    }

    @AfterAll
    static void deleteNamespace() {
        if (HostCommands.isRoot()) {
            HostCommands.run("ip", "netns", "del", NAMESPACE);
        }
    }

    private static void inNamespace(String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", NAMESPACE));
        full.addAll(List.of(command));
        HostCommands.Outcome outcome = HostCommands.run(Duration.ofSeconds(30), full);
        assertThat(outcome.ok())
                .as(String.join(" ", full) + ": " + outcome.output())
                .isTrue();
    }

    /** Writes /proc directly (no procps needed): /proc/sys/net shows the writer's namespace. */
    private static void setPingGroupRange(String range) {
        inNamespace("sh", "-c", "echo '" + range + "' > /proc/sys/net/ipv4/ping_group_range");
    }

    /** The child's two output lines: availability, then "UP|DOWN<TAB>reason<TAB>ms". */
    private record Probe(String availability, boolean up, String reason, long millis) {}

    private static Probe ping(Privilege privilege, String address, int timeoutMillis, int count) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", NAMESPACE));
        if (privilege == Privilege.PING_SOCKET) {
            command.addAll(List.of("setpriv", "--bounding-set", "-net_raw", "--inh-caps", "-net_raw", "--"));
        }
        command.addAll(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classPath(),
                PingProbeMain.class.getName(),
                address,
                String.valueOf(timeoutMillis),
                String.valueOf(count)));
        HostCommands.Outcome outcome = HostCommands.run(Duration.ofSeconds(60), command);
        assertThat(outcome.ok()).as(outcome.output()).isTrue();
        String[] lines = outcome.output().strip().split("\n");
        String[] fields = lines[lines.length - 1].split("\t");
        return new Probe(lines[lines.length - 2], fields[0].equals("UP"), fields[1], Long.parseLong(fields[2]));
    }

    /** The test class path, also when the runner hides it behind a manifest-only jar. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    @ParameterizedTest
    @EnumSource(Privilege.class)
    void getsEchoRepliesFromALiveHost(Privilege privilege) {
        Probe v4 = ping(privilege, "192.0.2.1", 1000, 1);
        assertThat(v4.up()).as(v4.reason()).isTrue();
        assertThat(v4.availability())
                .startsWith(privilege == Privilege.RAW_SOCKET ? "raw ICMP sockets" : "ping sockets");
        Probe v6 = ping(privilege, "2001:db8::1", 1000, 1);
        assertThat(v6.up()).as(v6.reason()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Privilege.class)
    void givesUpOnADeadHostAfterEveryAttempt(Privilege privilege) {
        for (String address : List.of("192.0.2.2", "2001:db8::2")) {
            Probe probe = ping(privilege, address, 400, 2);
            assertThat(probe.up()).isFalse();
            assertThat(probe.reason()).isEqualTo("no echo reply within 400 ms (2 attempts)");
            assertThat(probe.millis()).isBetween(800L, 1800L);
        }
    }

    @ParameterizedTest
    @EnumSource(Privilege.class)
    void reportsDestinationUnreachable(Privilege privilege) {
        Probe v4 = ping(privilege, "192.0.2.3", 2000, 1);
        assertThat(v4.up()).isFalse();
        assertThat(v4.reason()).isEqualTo("destination unreachable (code 1) from 192.0.2.3");
        assertThat(v4.millis()).isLessThan(1000);
        Probe v6 = ping(privilege, "2001:db8::3", 2000, 1);
        assertThat(v6.up()).isFalse();
        assertThat(v6.reason()).isEqualTo("destination unreachable (code 3) from 2001:db8::3");
    }

    @Test
    void explainsWhatIsMissingWithoutEitherPrivilege() {
        setPingGroupRange("1 0");
        try {
            Probe probe = ping(Privilege.PING_SOCKET, "192.0.2.1", 500, 1);
            String expected = "ICMP ping needs CAP_NET_RAW or net.ipv4.ping_group_range including gid 0 (now \"1 0\")";
            assertThat(probe.availability()).isEqualTo(expected);
            assertThat(probe.up()).isFalse();
            assertThat(probe.reason()).isEqualTo(expected);
        } finally {
            setPingGroupRange("0 0");
        }
    }
}
