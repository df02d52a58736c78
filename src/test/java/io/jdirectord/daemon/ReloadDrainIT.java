package io.jdirectord.daemon;

import static io.jdirectord.daemon.DaemonProcess.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload that removes a real server and a whole virtual service while draintime is set, end to end with
 * {@code --dry-run}: the weight-0 edits come first, in the reload's own pass, and the deletes later, in a
 * drain pass of their own. The dry run's table has no connections, so each drain ends in the first pass
 * that judges it (about a second after the reload), with 0 connections, long before the deadline.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReloadDrainIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @RegisterExtension
    final Resources resources = new Resources();

    private static String config(Backend a, Backend b, boolean withB) {
        return """
                checkinterval=0.5
                draintime=60
                virtual=192.0.2.47:80
                    real=%s masq
                %s    checktype=connect
                """.formatted(a.hostPort(), withB ? "    real=" + b.hostPort() + " masq 3\n" : "")
                + (withB ? """
                virtual=192.0.2.48:80
                    real=%s masq
                    checktype=connect
                """.formatted(b.hostPort()) : "");
    }

    @Test
    void aReloadThatRemovesWithDraintimeSetsWeightZeroFirstAndDeletesLater() throws Exception {
        Backend a = resources.keep(Backend.on("127.0.47.1"));
        Backend b = resources.keep(Backend.on("127.0.47.2"));
        DaemonProcess daemon = resources.keep(DaemonProcess.start(dir, config(a, b, true)));
        daemon.awaitEvent("ready", WAIT);
        int operations = daemon.operations().size();
        int lines = daemon.log().size();

        daemon.rewriteConfig(config(a, b, false));
        daemon.signal("HUP");
        daemon.awaitLog(lines, event("reload", "result=ok"), WAIT);
        daemon.awaitOperation(operations, "ipvsadm -D -t 192.0.2.48:80", WAIT);

        assertThat(daemon.operations().subList(operations, daemon.operations().size()))
                .containsExactly(
                        "ipvsadm -e -t 192.0.2.47:80 -r " + b.hostPort() + " -m -w 0",
                        "ipvsadm -e -t 192.0.2.48:80 -r " + b.hostPort() + " -m -w 0",
                        "ipvsadm -d -t 192.0.2.47:80 -r " + b.hostPort(),
                        "ipvsadm -D -t 192.0.2.48:80");
        List<String> after = daemon.log().subList(lines, daemon.log().size());
        assertThat(after)
                .filteredOn(line -> line.contains("real=" + b.hostPort()))
                .anyMatch(event("draining", "virtual=tcp:192.0.2.47:80", "reason=\"removed by reload\"", "deadline="))
                .anyMatch(event("draining", "virtual=tcp:192.0.2.48:80"))
                .anyMatch(event("drained", "virtual=tcp:192.0.2.47:80", "reason=\"drained: 0 connections\""))
                .anyMatch(event("drained", "virtual=tcp:192.0.2.48:80", "reason=\"drained: 0 connections\""));
        assertThat(after).anyMatch(event("table", "cause=drain", "op=\"ipvsadm -D -t 192.0.2.48:80\""));
    }
}
