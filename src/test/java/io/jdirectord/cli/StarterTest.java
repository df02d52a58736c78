package io.jdirectord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.daemon.DaemonOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** When start stays in the foreground, and how it starts the daemon in the background. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StarterTest {

    private static final String VIRTUAL = "virtual=192.0.2.10:80\n    real=127.0.0.1:80 masq\n    checktype=connect\n";

    @TempDir
    Path dir;

    private DaemonOptions options(String config, boolean debug) throws IOException {
        Path file = dir.resolve("jdirectord.cf");
        Files.writeString(file, config);
        return new DaemonOptions(file, debug, true, dir.resolve("run/jdirectord.cf.pid"), dir.resolve("state"));
    }

    @Test
    void goesToTheBackgroundFromAShell() throws IOException {
        assertThat(Starter.inForeground(options(VIRTUAL, false), Map.of("TERM", "xterm")))
                .isFalse();
    }

    @Test
    void staysInTheForegroundUnderSystemd() throws IOException {
        assertThat(Starter.inForeground(options(VIRTUAL, false), Map.of("NOTIFY_SOCKET", "/run/systemd/notify")))
                .isTrue();
    }

    @Test
    void staysInTheForegroundWhenSupervisedOrDebugging() throws IOException {
        assertThat(Starter.inForeground(options("supervised=yes\n" + VIRTUAL, false), Map.of()))
                .isTrue();
        assertThat(Starter.inForeground(options(VIRTUAL, true), Map.of())).isTrue();
    }

    @Test
    void leavesAnInvalidFileToTheForegroundStartWhichReportsIt() throws IOException {
        assertThat(Starter.inForeground(options("checktype=sometimes\n", false), Map.of()))
                .isTrue();
    }

    @Test
    void startsTheChildWithThisJvmsOptionsAndAbsolutePaths() {
        DaemonOptions options =
                new DaemonOptions(Path.of("a.cf"), false, true, Path.of("run/../run/a.cf.pid"), Path.of("state"));
        Path cwd = Path.of("").toAbsolutePath();

        List<String> command = Starter.childCommand(
                options,
                "/usr/lib/jvm/java-21/bin/java",
                List.of("-XX:+ExitOnOutOfMemoryError", "-Djna.tmpdir=/var/lib/jdirectord"),
                "/usr/share/jdirectord/jdirectord.jar");

        assertThat(command)
                .containsExactly(
                        "/usr/lib/jvm/java-21/bin/java",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Djna.tmpdir=/var/lib/jdirectord",
                        "-jar",
                        "/usr/share/jdirectord/jdirectord.jar",
                        "--background-child",
                        "--dry-run",
                        "--pid-file",
                        cwd.resolve("run/a.cf.pid").toString(),
                        "--state-dir",
                        cwd.resolve("state").toString(),
                        cwd.resolve("a.cf").toString(),
                        "start");
    }

    @Test
    void startsTheChildFromAClassPathOfSeveralEntriesByItsMainClass() {
        DaemonOptions options = new DaemonOptions(
                Path.of("/etc/a.cf"), false, false, Path.of("/run/jdirectord/a.cf.pid"), DaemonOptions.STATE_DIRECTORY);

        List<String> command = Starter.childCommand(options, "java", List.of(), "target/classes:lib/picocli.jar");

        assertThat(command)
                .containsExactly(
                        "java",
                        "-cp",
                        "target/classes:lib/picocli.jar",
                        "io.jdirectord.cli.Main",
                        "--background-child",
                        "--pid-file",
                        "/run/jdirectord/a.cf.pid",
                        "--state-dir",
                        "/var/lib/jdirectord",
                        "/etc/a.cf",
                        "start");
    }
}
