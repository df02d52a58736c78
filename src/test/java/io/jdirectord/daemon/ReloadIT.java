package io.jdirectord.daemon;

import static io.jdirectord.daemon.DaemonProcess.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reload end to end: a valid file is applied by identity (unchanged entries are not touched), a broken
 * file is rejected with file:line and the running configuration keeps working (ldirectord stops
 * reacting to failures after a bad reload), a check that cannot be built is such an error at start and on
 * reload, a truncated file never purges the table, and autoreload notices an edited file without a
 * signal, also after it refused one.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReloadIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @RegisterExtension
    final Resources resources = new Resources();

    private static String config(String globals, String first, String second) {
        return globals + """
                checkinterval=0.5
                checktimeout=1
                virtual=192.0.2.30:80
                %s    service=http
                    checktype=negotiate
                    request="/"
                    receive="OK"
                virtual=192.0.2.31:80
                %s    checktype=connect
                """.formatted(first, second);
    }

    private static String real(Backend backend, int weight) {
        return "    real=" + backend.hostPort() + " masq " + weight + "\n";
    }

    @Test
    void reloadAppliesOnlyWhatChanged() throws Exception {
        Backend a = resources.keep(Backend.on("127.0.30.1"));
        Backend b = resources.keep(Backend.on("127.0.30.2"));
        Backend c = resources.keep(Backend.on("127.0.30.3"));
        Backend added = resources.keep(Backend.on("127.0.30.4"));
        String removed = """
                virtual=192.0.2.32:80
                    real=%s masq
                    checktype=connect
                """.formatted(b.hostPort());
        DaemonProcess daemon = resources.keep(DaemonProcess.start(
                dir, config("", real(a, 1) + real(b, 1), real(c, 2) + real(a, 1)) + removed));
        daemon.awaitEvent("ready", WAIT);
        int operations = daemon.operations().size();
        int lines = daemon.log().size();

        daemon.rewriteConfig(config("", real(a, 1) + real(b, 1) + real(added, 1), real(c, 5) + real(a, 1)));
        daemon.signal("HUP");
        daemon.awaitLog(lines, event("reload", "trigger=\"signal HUP\"", "result=ok"), WAIT);
        String up = daemon.awaitLog(lines, event("up", "real=" + added.hostPort()), WAIT);

        assertThat(up)
                .contains(
                        "virtual=tcp:192.0.2.30:80",
                        "from=unknown",
                        "action=\"ipvsadm -a -t 192.0.2.30:80 -r " + added.hostPort() + " -m -w 1\"");
        assertThat(daemon.operations().subList(operations, daemon.operations().size()))
                .containsExactly(
                        "ipvsadm -e -t 192.0.2.31:80 -r " + c.hostPort() + " -m -w 5",
                        "ipvsadm -D -t 192.0.2.32:80",
                        "ipvsadm -a -t 192.0.2.30:80 -r " + added.hostPort() + " -m -w 1");
        List<String> after = daemon.log().subList(lines, daemon.log().size());
        for (Backend unchanged : List.of(a, b, c)) {
            assertThat(after).noneMatch(line -> line.contains("real=" + unchanged.hostPort()));
        }
        assertThat(after)
                .anyMatch(event(
                        "table",
                        "cause=configure",
                        "op=\"ipvsadm -e -t 192.0.2.31:80 -r " + c.hostPort() + " -m -w 5\""));
        assertThat(after)
                .anyMatch(event("table", "cause=configure", "change=\"Purged virtual server: 192.0.2.32:80\""));
    }

    @Test
    void brokenFileKeepsTheRunningConfigurationWhichKeepsReacting() throws Exception {
        Backend a = resources.keep(Backend.on("127.0.31.1"));
        Backend b = resources.keep(Backend.on("127.0.31.2"));
        String good = config("", real(a, 1) + real(b, 1), real(a, 1) + real(b, 1));
        DaemonProcess daemon = resources.keep(DaemonProcess.start(dir, good));
        daemon.awaitEvent("ready", WAIT);
        int operations = daemon.operations().size();

        daemon.rewriteConfig(good.replace("checktype=connect", "checktype=conect"));
        int brokenLine = Files.readAllLines(daemon.configFile()).indexOf("    checktype=conect") + 1;
        daemon.signal("HUP");
        String error = daemon.awaitEvent("config-error", WAIT, "file=" + daemon.configFile(), "line=" + brokenLine);
        daemon.awaitEvent("reload", WAIT, "result=rejected", "errors=1");
        assertThat(error).contains("message=");
        assertThat(daemon.operations()).hasSize(operations);

        a.close();
        String down = daemon.awaitEvent("down", WAIT, "real=" + a.hostPort(), "virtual=tcp:192.0.2.30:80");
        daemon.awaitEvent("down", WAIT, "real=" + a.hostPort(), "virtual=tcp:192.0.2.31:80");
        assertThat(down).contains("action=\"ipvsadm -d -t 192.0.2.30:80 -r " + a.hostPort() + "\"");
        assertThat(daemon.operations())
                .contains(
                        "ipvsadm -d -t 192.0.2.30:80 -r " + a.hostPort(),
                        "ipvsadm -d -t 192.0.2.31:80 -r " + a.hostPort());
    }

    @Test
    void autoreloadPicksUpAnEditedFileAndRejectsABrokenOne() throws Exception {
        Backend a = resources.keep(Backend.on("127.0.32.1"));
        Backend added = resources.keep(Backend.on("127.0.32.2"));
        DaemonProcess daemon =
                resources.keep(DaemonProcess.start(dir, config("autoreload=yes\n", real(a, 1), real(a, 1))));
        daemon.awaitEvent("ready", WAIT);

        daemon.rewriteConfig(
                config("autoreload=yes\n", real(a, 1), real(a, 1)).replace("scheduler", "x") + "    schedular=wlc\n");
        daemon.awaitEvent("reload", WAIT, "trigger=autoreload", "result=rejected");
        int lines = daemon.log().size();
        daemon.rewriteConfig(config("autoreload=yes\n", real(a, 1) + real(added, 3), real(a, 1)));

        daemon.awaitLog(lines, event("config-changed", "action=reload"), WAIT);
        daemon.awaitLog(lines, event("reload", "trigger=autoreload", "result=ok"), WAIT);
        daemon.awaitOperation("ipvsadm -a -t 192.0.2.30:80 -r " + added.hostPort() + " -m -w 3", WAIT);
        assertThat(daemon.log()).anyMatch(event("config-error", "schedular"));
    }

    @Test
    void aTruncatedFileIsRefusedAndAutoreloadTakesTheRestoredOne() throws Exception {
        Backend a = resources.keep(Backend.on("127.0.33.1"));
        Backend added = resources.keep(Backend.on("127.0.33.2"));
        DaemonProcess daemon =
                resources.keep(DaemonProcess.start(dir, config("autoreload=yes\n", real(a, 1), real(a, 1))));
        daemon.awaitEvent("ready", WAIT);
        int operations = daemon.operations().size();

        Files.write(daemon.configFile(), new byte[0]);
        daemon.awaitEvent("config-error", WAIT, "file=" + daemon.configFile(), "message=\"no virtual service: refused");
        daemon.awaitEvent("reload", WAIT, "trigger=autoreload", "result=rejected");
        assertThat(daemon.operations()).hasSize(operations);
        int lines = daemon.log().size();
        daemon.rewriteConfig(config("autoreload=yes\n", real(a, 1) + real(added, 3), real(a, 1)));

        daemon.awaitLog(lines, event("reload", "trigger=autoreload", "result=ok"), WAIT);
        daemon.awaitOperation("ipvsadm -a -t 192.0.2.30:80 -r " + added.hostPort() + " -m -w 3", WAIT);
        assertThat(daemon.operations().subList(operations, daemon.operations().size()))
                .containsExactly("ipvsadm -a -t 192.0.2.30:80 -r " + added.hostPort() + " -m -w 3");
    }

    @Test
    void aReloadWithAnInvalidReceiveIsRejectedWithItsLineAndProbingGoesOn() throws Exception {
        Backend a = resources.keep(Backend.on("127.0.34.1"));
        Backend b = resources.keep(Backend.on("127.0.34.2"));
        String good = config("", real(a, 1) + real(b, 1), real(a, 1));
        DaemonProcess daemon = resources.keep(DaemonProcess.start(dir, good));
        daemon.awaitEvent("ready", WAIT);
        int operations = daemon.operations().size();

        daemon.rewriteConfig(good.replace("receive=\"OK\"", "receive=\"(OK\""));
        daemon.signal("HUP");
        daemon.awaitEvent("config-error", WAIT, "file=" + daemon.configFile(), "line=");
        daemon.awaitEvent("reload", WAIT, "result=rejected");
        assertThat(daemon.log()).noneMatch(event("internal-error"));
        assertThat(daemon.operations()).hasSize(operations);

        a.close();
        daemon.awaitEvent("down", WAIT, "real=" + a.hostPort(), "virtual=tcp:192.0.2.30:80");
        daemon.awaitOperation("ipvsadm -d -t 192.0.2.30:80 -r " + a.hostPort(), WAIT);
    }

    @Test
    void aStartWithAnInvalidReceiveExitsTwoWithItsLineBeforeTouchingTheTable() throws Exception {
        Backend a = resources.keep(Backend.on("127.0.35.1"));
        DaemonProcess daemon = resources.keep(DaemonProcess.start(
                dir, config("", real(a, 1), real(a, 1)).replace("receive=\"OK\"", "receive=\"(OK\"")));

        assertThat(daemon.awaitExit(WAIT)).isEqualTo(2);

        assertThat(daemon.stderr())
                .anyMatch(error ->
                        error.matches(Pattern.quote(daemon.configFile().toString()) + ":[1-9][0-9]*: .*receive.*"));
        assertThat(daemon.stderr()).noneMatch(error -> error.contains("Exception"));
        assertThat(daemon.operations()).isEmpty();
        assertThat(daemon.pidFile()).doesNotExist();
    }
}
