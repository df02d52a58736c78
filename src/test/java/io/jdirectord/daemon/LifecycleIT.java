package io.jdirectord.daemon;

import static io.jdirectord.daemon.DaemonProcess.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's life end to end: status over the control socket (text, JSON, LSB exit codes), stop with
 * and without cleanstop, the periodic repair pass, the monitorfile, and probing that goes on when a
 * check cannot run at all.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @RegisterExtension
    final Resources resources = new Resources();

    @Test
    void statusShowsEachServerAndExitsThreeOnceStopped() throws Exception {
        Backend up = resources.keep(Backend.on("127.0.40.1"));
        Backend down = resources.keep(Backend.on("127.0.40.2"));
        down.close();
        DaemonProcess daemon = resources.keep(DaemonProcess.start(dir, """
                checkinterval=0.5
                checktimeout=1
                virtual=192.0.2.40:80
                    real=%s masq 3
                    real=%s masq 2
                    fallback=127.0.40.99:80 masq
                    checktype=connect
                """.formatted(up.hostPort(), down.hostPort())));
        daemon.awaitEvent("ready", WAIT);

        DaemonProcess.Run text = daemon.command("status");
        assertThat(text.status()).as(text.err()).isZero();
        assertThat(text.out()).contains("pid " + daemon.pid(), "dry run", "TCP   192.0.2.40:80");
        assertThat(line(text.out(), up.hostPort())).contains("masq", "3/3", "up", "connected");
        assertThat(line(text.out(), down.hostPort())).contains("2/-", "down", "connection refused");

        DaemonProcess.Run json = daemon.command("status", "--json");
        assertThat(json.status()).as(json.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("pid").asLong()).isEqualTo(daemon.pid());
        JsonNode service = report.get("services").get(0);
        assertThat(service.get("id").asText()).isEqualTo("tcp:192.0.2.40:80");
        assertThat(service.get("inTable").asBoolean()).isTrue();
        assertThat(service.get("fallbackActive").asBoolean()).isFalse();
        JsonNode first = service.get("reals").get(0);
        assertThat(first.get("address").asText()).isEqualTo(up.hostPort());
        assertThat(first.get("health").asText()).isEqualTo("up");
        assertThat(first.get("currentWeight").asInt()).isEqualTo(3);
        assertThat(first.get("lastCheck").get("up").asBoolean()).isTrue();
        JsonNode second = service.get("reals").get(1);
        assertThat(second.get("health").asText()).isEqualTo("down");
        assertThat(second.get("currentWeight").isNull()).isTrue();

        assertThat(daemon.terminate(WAIT)).isZero();
        DaemonProcess.Run stopped = daemon.command("status");
        assertThat(stopped.status()).isEqualTo(3);
        assertThat(stopped.out()).contains("stopped");
        assertThat(daemon.pidFile()).doesNotExist();
        assertThat(dir.resolve("jdirectord.sock")).as("the status socket").doesNotExist();
    }

    private static String line(String text, String containing) {
        return text.lines()
                .filter(l -> l.contains(containing))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + containing + " in\n" + text));
    }

    @Test
    void stopPurgesTheCleanStopServicesOnly() throws Exception {
        Backend backend = resources.keep(Backend.on("127.0.41.1"));
        DaemonProcess daemon =
                resources.keep(DaemonProcess.start(dir, """
                checkinterval=0.5
                checktimeout=1
                virtual=192.0.2.41:80
                    real=%s masq
                    checktype=connect
                virtual=192.0.2.42:80
                    real=%s masq
                    checktype=connect
                    cleanstop=no
                """.formatted(backend.hostPort(), backend.hostPort())));
        daemon.awaitEvent("ready", WAIT);
        int mark = daemon.operations().size();

        assertThat(daemon.terminate(WAIT)).isZero();

        await().atMost(WAIT).untilAsserted(() -> assertThat(daemon.log()).anyMatch(event("stop", "signal=TERM")));
        assertThat(daemon.operations().subList(mark, daemon.operations().size()))
                .containsExactly("ipvsadm -D -t 192.0.2.41:80");
        assertThat(daemon.log())
                .anyMatch(event(
                        "table",
                        "cause=stop",
                        "op=\"ipvsadm -D -t 192.0.2.41:80\"",
                        "change=\"Purged virtual server: 192.0.2.41:80\""));
    }

    @Test
    void periodicRepairChangesNothingWhenNothingDrifted() throws Exception {
        Backend backend = resources.keep(Backend.on("127.0.42.1"));
        DaemonProcess daemon = resources.keep(DaemonProcess.start(dir, """
                checkinterval=0.5
                checktimeout=1
                repairinterval=1
                virtual=192.0.2.43:80
                    real=%s masq
                    fallback=127.0.42.99:80 masq
                    checktype=connect
                    quiescent=yes
                """.formatted(backend.hostPort())));
        daemon.awaitEvent("ready", WAIT);
        int beforeTheFailure = daemon.log().size();
        backend.close();
        daemon.awaitEvent("down", WAIT, "real=" + backend.hostPort());
        daemon.awaitLog(
                beforeTheFailure, DaemonProcess.event("table", "change=\"Added fallback server: 127.0.42.99:80"), WAIT);
        int operations = daemon.operations().size();
        int lines = daemon.log().size();

        await().pollDelay(Duration.ofMillis(3500)).atMost(WAIT).until(daemon::alive);

        assertThat(daemon.operations()).hasSize(operations);
        assertThat(daemon.log().subList(lines, daemon.log().size())).isEmpty();
    }

    @Test
    void writesOneMonitorFileLinePerCheckInLdirectordsFormat() throws Exception {
        Backend up = resources.keep(Backend.on("127.0.43.1"));
        Backend down = resources.keep(Backend.on("127.0.43.2"));
        down.close();
        Path monitor = dir.resolve("monitor.log");
        DaemonProcess daemon =
                resources.keep(DaemonProcess.start(dir, """
                checkinterval=0.5
                checktimeout=1
                virtual=192.0.2.44:80
                    real=%s masq 2
                    real=%s masq
                    service=http
                    checktype=negotiate
                    request="/"
                    receive="OK"
                    monitorfile=%s
                """.formatted(up.hostPort(), down.hostPort(), monitor)));
        daemon.awaitEvent("ready", WAIT);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Files.readAllLines(monitor))
                        .filteredOn(l -> l.contains(" " + down.address() + " "))
                        .hasSizeGreaterThanOrEqualTo(3));
        String stamp = "\\[\\w{3} \\w{3} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}] \\[" + daemon.pid() + "] ";
        Pattern upLine = Pattern.compile(stamp
                + Pattern.quote("negotiate http tcp " + up.address() + " " + up.port() + " 2 masq / OK [up] ") + ".+");
        Pattern downLine = Pattern.compile(stamp
                + Pattern.quote("negotiate http tcp " + down.address() + " " + down.port() + " 1 masq / OK [down] ")
                + ".*refused.*");
        assertThat(Files.readAllLines(monitor))
                .allMatch(
                        l -> upLine.matcher(l).matches() || downLine.matcher(l).matches());

        assertThat(daemon.terminate(WAIT)).isZero();
        long upLines = Files.readAllLines(monitor).stream()
                .filter(l -> upLine.matcher(l).matches())
                .count();
        assertThat(up.requests())
                .as("checks of %s (the last one may have been cut short by the stop)", up.hostPort())
                .isBetween((int) upLines, (int) upLines + 1);
    }

    @Test
    void logsAMonitorFileThatCannotBeWrittenOnceUntilItCanAgain() throws Exception {
        Backend backend = resources.keep(Backend.on("127.0.43.3"));
        Path missing = dir.resolve("missing");
        Path working = dir.resolve("working.log");
        DaemonProcess daemon = resources.keep(DaemonProcess.start(
                dir, """
                checkinterval=0.5
                checktimeout=1
                virtual=192.0.2.47:80
                    real=%s masq
                    checktype=connect
                    monitorfile=%s
                virtual=192.0.2.48:80
                    real=%s masq
                    checktype=connect
                    monitorfile=%s
                """.formatted(backend.hostPort(), missing.resolve("monitor.log"), backend.hostPort(), working)));

        await().atMost(WAIT)
                .until(() ->
                        Files.exists(working) && Files.readAllLines(working).size() >= 4);
        assertThat(daemon.log())
                .filteredOn(event("monitorfile-error"))
                .singleElement()
                .asString()
                .contains("file=" + missing.resolve("monitor.log"), "No such file or directory");
        Files.createDirectory(missing);
        daemon.awaitEvent("monitorfile-restored", WAIT, "file=" + missing.resolve("monitor.log"));
        assertThat(Files.readAllLines(missing.resolve("monitor.log"))).isNotEmpty();
    }

    @Test
    void keepsProbingWhenACheckProgramDisappears() throws Exception {
        Path script = dir.resolve("check.sh");
        Files.writeString(script, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Backend other = resources.keep(Backend.on("127.0.44.2"));
        DaemonProcess daemon = resources.keep(DaemonProcess.start(dir, """
                checkinterval=0.5
                checktimeout=3
                virtual=192.0.2.45:80
                    real=127.0.44.1:80 masq
                    checktype=external
                    checkcommand=%s
                virtual=192.0.2.46:80
                    real=%s masq
                    checktype=connect
                """.formatted(script, other.hostPort())));
        daemon.awaitEvent("ready", WAIT);

        Files.delete(script);
        String gone = daemon.awaitEvent("down", WAIT, "real=127.0.44.1:80");
        other.close();
        daemon.awaitEvent("down", WAIT, "real=" + other.hostPort());
        Files.writeString(script, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        daemon.awaitEvent("up", WAIT, "real=127.0.44.1:80", "from=down");

        assertThat(gone).contains("reason=\"cannot run", script.toString());
        assertThat(daemon.log()).noneMatch(event("internal-error"));
    }

    @Test
    void anOrdinaryUserIsToldPermissionDeniedNeverStopped() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "runs the commands as nobody, which needs root");
        Backend backend = resources.keep(Backend.on("127.0.45.1"));
        DaemonProcess daemon = resources.keep(DaemonProcess.start(dir, """
                checkinterval=0.5
                virtual=192.0.2.45:80
                    real=%s masq
                    checktype=connect
                """.formatted(backend.hostPort())));
        daemon.awaitEvent("ready", WAIT);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(daemon.configFile(), PosixFilePermissions.fromString("rw-r--r--"));

        DaemonProcess.Run status = daemon.commandAs("nobody", "status");
        DaemonProcess.Run reload = daemon.commandAs("nobody", "reload");
        DaemonProcess.Run stop = daemon.commandAs("nobody", "stop");

        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).contains("is running with pid: " + daemon.pid());
        assertThat(status.err())
                .contains("permission denied: the status report on", "is for root and user root and group root only");
        assertThat(reload.status()).as(reload.err()).isEqualTo(4);
        assertThat(reload.err())
                .contains("permission denied: cannot reload pid " + daemon.pid() + ", which runs as root");
        assertThat(stop.status()).as(stop.err()).isEqualTo(4);
        assertThat(stop.err()).contains("permission denied: cannot stop pid " + daemon.pid());
        assertThat(daemon.alive()).isTrue();
        assertThat(daemon.log()).noneMatch(event("reload"));

        Files.setPosixFilePermissions(daemon.pidFile(), PosixFilePermissions.fromString("rw-------"));
        DaemonProcess.Run unknown = daemon.commandAs("nobody", "status");
        assertThat(unknown.status()).as(unknown.err()).isEqualTo(4);
        assertThat(unknown.err())
                .contains("permission denied: cannot read the pid file " + daemon.pidFile()
                        + " (only root and user root and group root may)");
    }
}
