package io.jdirectord.daemon;

import static io.jdirectord.daemon.DaemonProcess.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runtime control end to end with {@code --dry-run}: {@code jdirectord disable|enable|drain|weight} sent to
 * the running daemon's control socket, its answer and exit status, the table operations that follow, the
 * {@code control} and {@code drained} events with who asked, the state file once a drain ends, and a refusal
 * for a user outside the group.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ControlCommandsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @RegisterExtension
    final Resources resources = new Resources();

    private DaemonProcess start(Backend a, Backend b) throws Exception {
        DaemonProcess daemon = resources.keep(DaemonProcess.start(dir, """
                checkinterval=0.5
                draintime=60
                virtual=192.0.2.46:80
                    real=%s masq
                    real=%s masq 3
                    checktype=connect
                """.formatted(a.hostPort(), b.hostPort())));
        daemon.awaitEvent("ready", WAIT);
        return daemon;
    }

    @Test
    void disableWeightDrainAndEnableChangeTheTableAndAreLoggedWithWhoAsked() throws Exception {
        Backend a = resources.keep(Backend.on("127.0.46.1"));
        Backend b = resources.keep(Backend.on("127.0.46.2"));
        DaemonProcess daemon = start(a, b);

        DaemonProcess.Run disable = daemon.command("disable", "tcp:192.0.2.46:80", a.hostPort());
        assertThat(disable.status()).as(disable.err()).isZero();
        assertThat(disable.out()).isEqualTo(a.hostPort() + " in tcp:192.0.2.46:80 disabled (was enabled)\n");
        daemon.awaitOperation("ipvsadm -d -t 192.0.2.46:80 -r " + a.hostPort(), WAIT);
        assertThat(daemon.awaitEvent("control", WAIT, "request=\"disable tcp:192.0.2.46:80 " + a.hostPort() + "\""))
                .contains("by=\"user root (group root)\"", "result=ok", "changed=1");

        DaemonProcess.Run weight = daemon.command("weight", "7", "127.0.46.2");
        assertThat(weight.status()).as(weight.err()).isZero();
        daemon.awaitOperation("ipvsadm -e -t 192.0.2.46:80 -r " + b.hostPort() + " -m -w 7", WAIT);

        DaemonProcess.Run status = daemon.command("status");
        assertThat(status.out()).contains("disabled", "weight 7");

        DaemonProcess.Run drain = daemon.command("drain", "all", b.hostPort());
        assertThat(drain.status()).as(drain.err()).isZero();
        daemon.awaitOperation("ipvsadm -d -t 192.0.2.46:80 -r " + b.hostPort(), WAIT);
        assertThat(daemon.awaitEvent("drained", WAIT, "real=" + b.hostPort()))
                .contains("reason=\"drained: 0 connections\"");
        daemon.await("the ended drain in the state file", WAIT, () -> savedAs(daemon, b, "drained"));

        DaemonProcess.Run enable = daemon.command("enable", a.hostPort().split(":")[0]);
        assertThat(enable.status()).as(enable.err()).isZero();
        daemon.awaitOperation("ipvsadm -a -t 192.0.2.46:80 -r " + a.hostPort() + " -m -w 1", WAIT);
    }

    /** Whether the state file holds {@code real} in {@code admin} state. */
    private static boolean savedAs(DaemonProcess daemon, Backend real, String admin) {
        try {
            return Files.readString(daemon.controlsFile()).contains(" " + real.hostPort() + " " + admin + " ");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void anUnknownRealServerIsAnErrorWithStatusOneAndChangesNothing() throws Exception {
        Backend a = resources.keep(Backend.on("127.0.46.3"));
        Backend b = resources.keep(Backend.on("127.0.46.4"));
        DaemonProcess daemon = start(a, b);
        int operations = daemon.operations().size();

        DaemonProcess.Run unknown = daemon.command("disable", "tcp:192.0.2.46:80", "127.0.46.9:80");
        DaemonProcess.Run wrong = daemon.command("drain", "soon", a.hostPort());

        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("no real server 127.0.46.9:80 in tcp:192.0.2.46:80\n");
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("no virtual service soon");
        assertThat(daemon.awaitEvent("control", WAIT, "result=error")).contains("127.0.46.9:80");
        assertThat(daemon.operations()).hasSize(operations);
    }

    @Test
    void aUserOutsideTheGroupMayReadTheStatusButNotChangeAnything() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "runs the command as nobody, which needs root");
        Backend a = resources.keep(Backend.on("127.0.46.5"));
        Backend b = resources.keep(Backend.on("127.0.46.6"));
        DaemonProcess daemon = start(a, b);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(daemon.configFile(), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(
                Daemon.controlSocketFor(daemon.pidFile()), PosixFilePermissions.fromString("rw-rw-rw-"));

        DaemonProcess.Run status = daemon.commandAs("nobody", "status");
        DaemonProcess.Run disable = daemon.commandAs("nobody", "disable", a.hostPort());

        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).contains("TCP   192.0.2.46:80");
        assertThat(disable.status()).isEqualTo(1);
        assertThat(disable.err()).startsWith("permission denied: user nobody (group nogroup) may read the status only");
        assertThat(daemon.awaitEvent("control", WAIT, "by=\"user nobody (group nogroup)\""))
                .contains("result=error", "permission denied");
        assertThat(daemon.log()).noneMatch(event("control", "result=ok"));
    }
}
