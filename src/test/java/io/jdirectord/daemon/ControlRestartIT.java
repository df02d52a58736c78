package io.jdirectord.daemon;

import static io.jdirectord.daemon.DaemonProcess.event;
import static org.assertj.core.api.Assertions.assertThat;

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
 * Runtime controls across a restart, end to end with {@code --dry-run} and the state directory of the test:
 * a real server disabled before the stop stays out of the table after the start (the first table pass
 * never adds it) and after a reload, and {@code status} still shows it disabled.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ControlRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String VIRTUAL = "192.0.2.47:80";

    @TempDir
    Path dir;

    @RegisterExtension
    final Resources resources = new Resources();

    private String config(Backend a, Backend b) {
        return """
                checkinterval=0.5
                virtual=%s
                    real=%s masq
                    real=%s masq 3
                    checktype=connect
                """.formatted(VIRTUAL, a.hostPort(), b.hostPort());
    }

    /** Starts the daemon (again) and waits for its ready line, counting from the failure log's line {@code from}. */
    private DaemonProcess start(String config, int from) throws Exception {
        DaemonProcess daemon = resources.keep(DaemonProcess.start(dir, config));
        daemon.awaitLog(from, event("ready"), WAIT);
        return daemon;
    }

    @Test
    void aDisabledRealServerStaysOutAfterARestartAndAReload() throws Exception {
        Backend a = resources.keep(Backend.on("127.0.47.1"));
        Backend b = resources.keep(Backend.on("127.0.47.2"));
        String addA = "ipvsadm -a -t " + VIRTUAL + " -r " + a.hostPort() + " -m -w 1";
        String addB = "ipvsadm -a -t " + VIRTUAL + " -r " + b.hostPort() + " -m -w 3";
        DaemonProcess first = start(config(a, b), 0);
        first.awaitOperation(addA, WAIT);

        DaemonProcess.Run disable = first.command("disable", "tcp:" + VIRTUAL, a.hostPort());
        assertThat(disable.status()).as(disable.err()).isZero();
        assertThat(first.controlsFile()).content().contains("tcp:" + VIRTUAL + " " + a.hostPort() + " disabled - - ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.controlsFile())))
                .isEqualTo("rw-r-----");
        assertThat(first.stop()).isZero();

        int from = first.log().size();
        DaemonProcess second = start(config(a, b), from);
        assertThat(second.awaitLog(from, event("controls-restored"), WAIT))
                .contains("file=" + second.controlsFile(), "controls=1");
        second.awaitOperation(addB, WAIT);
        assertThat(second.operations()).doesNotContain(addA);
        assertThat(second.command("status").out()).contains("disabled");

        second.signal("HUP");
        second.awaitLog(from, event("reload", "result=ok"), WAIT);
        assertThat(second.operations()).doesNotContain(addA);
        assertThat(second.command("status").out()).contains("disabled");

        DaemonProcess.Run enable = second.command("enable", a.hostPort());
        assertThat(enable.status()).as(enable.err()).isZero();
        second.awaitOperation(addA, WAIT);
        assertThat(second.controlsFile()).content().doesNotContain(a.hostPort());
    }

    @Test
    void aStateFileWithAMalformedLineAndAnUnknownRealServerStillStartsAndSaysWhy() throws Exception {
        Backend a = resources.keep(Backend.on("127.0.47.3"));
        Backend b = resources.keep(Backend.on("127.0.47.4"));
        Path controls = dir.resolve("jdirectord.cf.controls");
        Files.writeString(controls, """
                tcp:%1$s 127.0.47.9:80 disabled - - 2026-12-04T08:00:00Z user root (group root)
                tcp:%1$s %2$s disabled someday - 2026-12-04T08:00:00Z user root (group root)
                tcp:%1$s %3$s disabled - - 2026-12-04T08:00:00Z user root (group root)
                """.formatted(VIRTUAL, a.hostPort(), b.hostPort()));

        DaemonProcess daemon = start(config(a, b), 0);

        daemon.awaitOperation("ipvsadm -a -t " + VIRTUAL + " -r " + a.hostPort() + " -m -w 1", WAIT);
        assertThat(daemon.operations()).noneMatch(op -> op.contains("-r " + b.hostPort()));
        assertThat(daemon.stderr())
                .anyMatch(line -> line.startsWith(controls + ":2: warning: ignored: weight must be"));
        assertThat(daemon.awaitEvent("state-warning", WAIT)).contains("line=2");
        assertThat(daemon.awaitEvent("control-dropped", WAIT, "real=127.0.47.9:80"))
                .contains("not configured");
    }
}
