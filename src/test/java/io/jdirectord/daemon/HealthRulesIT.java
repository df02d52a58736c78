package io.jdirectord.daemon;

import static io.jdirectord.daemon.DaemonProcess.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health rules end to end: failurecount and risecount, quiescent yes and no, the fallback server and
 * fallbackcommand, firewall-mark services. Failures are injected by making a real server answer 503
 * (a failed negotiate check) or by shutting it (connection refused).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HealthRulesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String HTTP_CHECK = """
                service=http
                checktype=negotiate
                request="/"
                receive="OK"
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final Resources resources = new Resources();

    @Test
    void takesAServerDownAfterFailureCountAndBackAfterRiseCount() throws Exception {
        Backend flaky = resources.keep(Backend.on("127.0.20.1"));
        Backend steady = resources.keep(Backend.on("127.0.20.2"));
        DaemonProcess daemon = resources.keep(
                DaemonProcess.start(dir, """
                checkinterval=0.5
                checktimeout=1
                failurecount=3
                risecount=2
                virtual=192.0.2.20:80
                    real=%s masq 2
                    real=%s masq 1
                """.formatted(flaky.hostPort(), steady.hostPort()) + HTTP_CHECK));
        String real = "real=" + flaky.hostPort();
        daemon.awaitEvent("up", WAIT, real);

        flaky.healthy(false);
        daemon.awaitEvent("soft-failure", WAIT, real, "failure=1/3");
        flaky.healthy(true);
        daemon.awaitEvent("soft-failure-reset", WAIT, real, "failures=1");
        int afterReset = daemon.log().size();
        flaky.healthy(false);
        String down = daemon.awaitLog(afterReset, event("down", real), WAIT);
        flaky.healthy(true);
        String up = daemon.awaitLog(afterReset, event("up", real), WAIT);

        List<String> events = daemon.log().subList(afterReset, daemon.log().indexOf(up) + 1).stream()
                .filter(line -> line.contains(real))
                .map(line -> line.split(" ")[1])
                .toList();
        assertThat(events).containsExactly("soft-failure", "soft-failure", "down", "soft-rise", "up");
        assertThat(daemon.log())
                .filteredOn(event("soft-failure", real, "failure=2/3"))
                .hasSize(1);
        assertThat(daemon.log())
                .filteredOn(event("soft-rise", real, "success=1/2"))
                .hasSize(1);
        assertThat(down)
                .contains(
                        "virtual=tcp:192.0.2.20:80",
                        "from=up",
                        "to=down",
                        "cause=check",
                        "reason=",
                        "elapsed=",
                        "action=\"ipvsadm -d -t 192.0.2.20:80 -r " + flaky.hostPort() + "\"");
        assertThat(up)
                .contains(
                        "from=down",
                        "to=up",
                        "action=\"ipvsadm -a -t 192.0.2.20:80 -r " + flaky.hostPort() + " -m -w 2\"");
    }

    @Test
    void quiescesWithWeightZeroOrDeletesAsConfigured() throws Exception {
        Backend quiesced = resources.keep(Backend.on("127.0.21.1"));
        Backend deleted = resources.keep(Backend.on("127.0.21.2"));
        Backend others = resources.keep(Backend.on("127.0.21.3"));
        DaemonProcess daemon = resources.keep(DaemonProcess.start(dir, """
                checkinterval=0.5
                checktimeout=1
                virtual=192.0.2.21:80
                    real=%s masq 3
                    real=%s masq 1
                    quiescent=yes
                %svirtual=192.0.2.22:80
                    real=%s masq 4
                    real=%s masq 1
                    quiescent=no
                %s""".formatted(
                        quiesced.hostPort(),
                        others.hostPort(),
                        HTTP_CHECK,
                        deleted.hostPort(),
                        others.hostPort(),
                        HTTP_CHECK)));
        daemon.awaitEvent("ready", WAIT);

        int mark = daemon.operations().size();
        quiesced.close();
        deleted.close();
        daemon.awaitEvent(
                "down",
                WAIT,
                "real=" + quiesced.hostPort(),
                "action=\"ipvsadm -e -t 192.0.2.21:80 -r " + quiesced.hostPort() + " -m -w 0\"");
        daemon.awaitEvent(
                "down",
                WAIT,
                "real=" + deleted.hostPort(),
                "action=\"ipvsadm -d -t 192.0.2.22:80 -r " + deleted.hostPort() + "\"");
        resources.keep(Backend.on(quiesced.address(), quiesced.port()));
        resources.keep(Backend.on(deleted.address(), deleted.port()));
        daemon.awaitEvent("up", WAIT, "real=" + quiesced.hostPort(), "from=down");
        daemon.awaitEvent("up", WAIT, "real=" + deleted.hostPort(), "from=down");

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(daemon.operations()
                                .subList(mark, daemon.operations().size()))
                        .containsExactlyInAnyOrder(
                                "ipvsadm -e -t 192.0.2.21:80 -r " + quiesced.hostPort() + " -m -w 0",
                                "ipvsadm -d -t 192.0.2.22:80 -r " + deleted.hostPort(),
                                "ipvsadm -e -t 192.0.2.21:80 -r " + quiesced.hostPort() + " -m -w 3",
                                "ipvsadm -a -t 192.0.2.22:80 -r " + deleted.hostPort() + " -m -w 4"));
        assertThat(daemon.log())
                .as("every real-server change is logged on its status line")
                .noneMatch(event("table", "real server:"));
    }

    @Test
    void putsTheFallbackInWhenTheLastServerGoesAndTakesItOutWhenOneComesBack() throws Exception {
        Backend only = resources.keep(Backend.on("127.0.22.1"));
        Path record = dir.resolve("fallback.out");
        Path script = dir.resolve("fallback.sh");
        // A slow start: the stop that follows within the first interval must still run after it.
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = start ] && sleep 1\necho \"$*\" >> " + record + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        DaemonProcess daemon =
                resources.keep(DaemonProcess.start(dir, """
                checkinterval=0.5
                checktimeout=1
                virtual=192.0.2.23:80
                    real=%s masq 5
                    fallback=127.0.22.99:8080 masq
                    fallbackcommand=%s
                """.formatted(only.hostPort(), script) + HTTP_CHECK));
        String fallback = "127.0.22.99:8080";
        daemon.awaitEvent("ready", WAIT);
        daemon.awaitEvent(
                "table", WAIT, "op=\"ipvsadm -d -t 192.0.2.23:80 -r " + fallback + "\"", "Deleted fallback server");

        int mark = daemon.operations().size();
        only.close();
        daemon.awaitEvent("down", WAIT, "real=" + only.hostPort());
        daemon.awaitOperation(mark, "ipvsadm -a -t 192.0.2.23:80 -r " + fallback + " -m -w 1", WAIT);
        daemon.awaitEvent("fallback-command", WAIT, "action=start", "status=0");
        resources.keep(Backend.on(only.address(), only.port()));
        daemon.awaitEvent("up", WAIT, "real=" + only.hostPort(), "from=down");
        daemon.awaitOperation(mark, "ipvsadm -d -t 192.0.2.23:80 -r " + fallback, WAIT);

        assertThat(daemon.log())
                .anyMatch(event(
                        "table",
                        "change=\"Added fallback server: " + fallback + " (192.0.2.23:80) (Weight set to 1)\""));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Files.readAllLines(record))
                        .containsExactly(
                                "start 192.0.2.23:80 tcp",
                                "stop 192.0.2.23:80 tcp",
                                "start 192.0.2.23:80 tcp",
                                "stop 192.0.2.23:80 tcp"));
        assertThat(daemon.operations().subList(mark, daemon.operations().size()))
                .containsExactly(
                        "ipvsadm -a -t 192.0.2.23:80 -r " + fallback + " -m -w 1",
                        "ipvsadm -d -t 192.0.2.23:80 -r " + only.hostPort(),
                        "ipvsadm -a -t 192.0.2.23:80 -r " + only.hostPort() + " -m -w 5",
                        "ipvsadm -d -t 192.0.2.23:80 -r " + fallback);
    }

    @Test
    void takesAServerOutWhileTheMaintenanceDirectoryNamesIt() throws Exception {
        Backend backend = resources.keep(Backend.on("127.0.24.1"));
        Backend other = resources.keep(Backend.on("127.0.24.2"));
        Path maintenance = Files.createDirectory(dir.resolve("maintenance"));
        DaemonProcess daemon = resources.keep(
                DaemonProcess.start(dir, """
                checkinterval=0.5
                checktimeout=1
                maintenancedir=%s
                virtual=192.0.2.24:80
                    real=%s masq
                    real=%s masq
                    checktype=connect
                """.formatted(maintenance, backend.hostPort(), other.hostPort())));
        daemon.awaitEvent("ready", WAIT);

        Path file = Files.createFile(maintenance.resolve(backend.hostPort()));
        String down = daemon.awaitEvent("down", WAIT, "real=" + backend.hostPort());
        Files.delete(file);
        String up = daemon.awaitEvent("up", WAIT, "real=" + backend.hostPort(), "from=down");

        assertThat(down)
                .contains("cause=maintenance", "action=\"ipvsadm -d -t 192.0.2.24:80 -r " + backend.hostPort() + "\"");
        assertThat(up).contains("action=\"ipvsadm -a -t 192.0.2.24:80 -r " + backend.hostPort() + " -m -w 1\"");
        assertThat(daemon.log()).noneMatch(event("down", "real=" + other.hostPort()));
    }

    @Test
    void checksFirewallMarkServicesThroughTheirCheckPort() throws Exception {
        Backend first = resources.keep(Backend.on("127.0.23.1"));
        Backend second = resources.keep(Backend.on("127.0.23.2", first.port()));
        Backend v6 = resources.keep(Backend.on("::1"));
        DaemonProcess daemon = resources.keep(
                DaemonProcess.start(dir, """
                checkinterval=0.5
                checktimeout=1
                virtual=7
                    real=127.0.23.1 gate 2
                    real=127.0.23.2 gate 3
                    checktype=connect
                    checkport=%d
                virtual=8
                    real=127.0.23.1 gate
                    real=127.0.23.2 gate
                    checkport=%d
                %svirtual6=9
                    real6=[::1] gate
                    checkport=%d
                %s""".formatted(first.port(), first.port(), HTTP_CHECK, v6.port(), HTTP_CHECK)));
        daemon.awaitEvent("ready", WAIT);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(daemon.operations())
                        .contains(
                                "ipvsadm -A -f 7 -s wrr",
                                "ipvsadm -A -f 8 -s wrr",
                                "ipvsadm -A -f 9 -6 -s wrr",
                                "ipvsadm -a -f 7 -r 127.0.23.1:0 -g -w 2",
                                "ipvsadm -a -f 7 -r 127.0.23.2:0 -g -w 3",
                                "ipvsadm -a -f 8 -r 127.0.23.1:0 -g -w 1",
                                "ipvsadm -a -f 8 -r 127.0.23.2:0 -g -w 1",
                                "ipvsadm -a -f 9 -6 -r [::1]:0 -g -w 1"));

        second.close();
        String connect = daemon.awaitEvent("down", WAIT, "virtual=fwm:7", "real=127.0.23.2");
        String negotiate = daemon.awaitEvent("down", WAIT, "virtual=fwm:8", "real=127.0.23.2");
        assertThat(connect).contains("action=\"ipvsadm -d -f 7 -r 127.0.23.2:0\"");
        assertThat(negotiate).contains("action=\"ipvsadm -d -f 8 -r 127.0.23.2:0\"");
        assertThat(daemon.log()).noneMatch(event("down", "real=127.0.23.1"));
    }
}
