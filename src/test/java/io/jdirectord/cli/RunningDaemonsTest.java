package io.jdirectord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How a command without CONFIG reads the running daemons' command lines and lists them. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RunningDaemonsTest {

    @TempDir
    Path dir;

    @Test
    void readsConfigFromTheLaunchersCommandLine() {
        assertThat(RunningDaemons.configArgument(new String[] {
                    "-XX:+ExitOnOutOfMemoryError",
                    "-jar",
                    "/usr/share/jdirectord/jdirectord.jar",
                    "/etc/jdirectord/jdirectord.cf",
                    "start"
                }))
                .contains("/etc/jdirectord/jdirectord.cf");
    }

    @Test
    void readsConfigFromABackgroundDaemonsCommandLineWithOptions() {
        assertThat(RunningDaemons.configArgument(new String[] {
                    "-cp",
                    "/usr/share/jdirectord/jdirectord.jar",
                    "io.jdirectord.cli.Main",
                    "--background-child",
                    "--dry-run",
                    "--pid-file",
                    "/run/x/a.cf.pid",
                    "/srv/a.cf",
                    "start"
                }))
                .contains("/srv/a.cf");
    }

    @Test
    void findsNoConfigWhenTheDaemonWasStartedWithoutOne() {
        assertThat(RunningDaemons.configArgument(new String[] {"-jar", "jdirectord.jar", "start"}))
                .isEmpty();
        assertThat(RunningDaemons.configArgument(new String[] {"-jar"})).isEmpty();
        assertThat(RunningDaemons.configArgument(new String[] {"-cp", "x.jar", "org.example.Other", "a.cf", "start"}))
                .isEmpty();
    }

    @Test
    void findsNoDaemonInARunDirectoryOfStaleOrHalfWrittenPidFiles() throws Exception {
        Files.writeString(dir.resolve("a.cf.pid"), "999999999\n");
        Files.writeString(
                dir.resolve(".jdirectord123.pid"), ProcessHandle.current().pid() + "\n");

        assertThat(RunningDaemons.in(dir)).isEmpty();
        assertThat(RunningDaemons.in(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void listsEachDaemonWithItsConfigAndPid() {
        String text = RunningDaemons.ambiguity(List.of(
                new RunningDaemons.Found(Path.of("/run/jdirectord/a.cf.pid"), 101, Path.of("/etc/jdirectord/a.cf")),
                new RunningDaemons.Found(Path.of("/run/jdirectord/b.cf.pid"), 202, Path.of("/etc/ha.d/b.cf"))));

        assertThat(text).isEqualTo("""
                jdirectord: 2 daemons are running; name the configuration file of the one you mean:
                  /etc/jdirectord/a.cf (pid 101)
                  /etc/ha.d/b.cf (pid 202)
                """);
    }
}
