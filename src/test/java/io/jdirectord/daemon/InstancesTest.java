package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.config.DaemonStatus;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.daemon.log.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The execute= instances follow this daemon: started after its first round, reloaded, stopped with it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InstancesTest {

    @TempDir
    Path dir;

    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final RecordingSink logged = new RecordingSink();

    private Instances instances(ExternalCommand.Outcome outcome) {
        return instances(command -> outcome);
    }

    /** Instances whose commands are recorded and answered by {@code answer} (given "start a.cf" and so on). */
    private Instances instances(java.util.function.Function<String, ExternalCommand.Outcome> answer) {
        InstanceCommands recording = (command, config) -> {
            String line = command + " " + dir.relativize(config.toAbsolutePath());
            commands.add(line);
            return answer.apply(line);
        };
        return new Instances(
                recording, dir.resolve("main.cf"), new FailureLog(List.of(logged), Clock.systemUTC(), false));
    }

    private Config config(String... executes) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String execute : executes) {
            text.append("execute = ").append(execute).append('\n');
            Files.writeString(dir.resolve(execute), "");
        }
        text.append("virtual=192.0.2.10:80\n    real=10.0.0.1:80 masq\n    checktype=connect\n");
        Path file = Files.writeString(dir.resolve("main.cf"), text);
        return new ConfigParser().parse(file);
    }

    @Test
    void startsEachInstanceOnlyOnceTheFirstRoundIsInTheTableAndStopsThemWithTheDaemon() throws Exception {
        Instances instances = instances(new ExternalCommand.Outcome(0, "ready"));
        instances.configApplied(config("a.cf", "b.cf"));
        instances.daemonStatus(DaemonStatus.STARTING);
        assertThat(commands).isEmpty();

        instances.daemonStatus(DaemonStatus.RUNNING);
        instances.daemonStatus(DaemonStatus.RUNNING);
        instances.close();

        assertThat(commands).containsExactly("start a.cf", "start b.cf", "stop a.cf", "stop b.cf");
    }

    @Test
    void aReloadReloadsTheKeptStopsTheDroppedAndStartsTheNew() throws Exception {
        Instances instances = instances(new ExternalCommand.Outcome(0, ""));
        instances.configApplied(config("a.cf", "b.cf"));
        instances.daemonStatus(DaemonStatus.RUNNING);
        await().until(() -> commands.contains("start b.cf"));

        instances.configApplied(config("b.cf", "c.cf"));
        instances.close();

        assertThat(commands)
                .containsExactly(
                        "start a.cf", "start b.cf", "stop a.cf", "reload b.cf", "start c.cf", "stop b.cf", "stop c.cf");
    }

    @Test
    void aReloadBeforeTheFirstRoundStartsOnlyWhatTheLastFileNames() throws Exception {
        Instances instances = instances(new ExternalCommand.Outcome(0, ""));
        instances.configApplied(config("a.cf"));
        instances.configApplied(config("b.cf"));
        instances.daemonStatus(DaemonStatus.RUNNING);
        instances.close();

        assertThat(commands).containsExactly("start b.cf", "stop b.cf");
    }

    @Test
    void anInstanceWhoseStartFailedIsNotStoppedAndIsStartedAgainAtTheNextReload() throws Exception {
        java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();
        Instances instances = instances(line -> line.equals("start a.cf") && starts.getAndIncrement() == 0
                ? new ExternalCommand.Outcome(1, "a.cf:1: error")
                : new ExternalCommand.Outcome(0, ""));
        instances.configApplied(config("a.cf", "b.cf"));
        instances.daemonStatus(DaemonStatus.RUNNING);
        await().until(() -> commands.contains("start b.cf"));

        instances.configApplied(config("a.cf", "b.cf"));
        instances.close();

        assertThat(commands)
                .containsExactly("start a.cf", "start b.cf", "reload b.cf", "start a.cf", "stop b.cf", "stop a.cf");
    }

    @Test
    void logsEachCommandWithItsOutcome() throws Exception {
        Instances instances = instances(new ExternalCommand.Outcome(2, "a.cf:3: unknown directive"));
        instances.configApplied(config("a.cf"));
        instances.daemonStatus(DaemonStatus.RUNNING);
        instances.close();

        assertThat(logged.events())
                .first()
                .asString()
                .isEqualTo("instance config=" + dir.resolve("a.cf")
                        + " command=start result=failed status=2 output=\"a.cf:3: unknown directive\"");
    }

    @Test
    void aNameNotBesideTheConfigurationIsPassedAsGiven() throws Exception {
        Instances instances = instances(new ExternalCommand.Outcome(0, ""));
        Config config = config("a.cf");
        Files.delete(dir.resolve("a.cf"));
        instances.configApplied(config);
        instances.daemonStatus(DaemonStatus.RUNNING);
        instances.close();

        assertThat(logged.events()).first().asString().startsWith("instance config=a.cf command=start");
    }

    @Test
    void theCommandLineRunsThisJarAgainWithThePidFileBesideThisOne() {
        List<String> command = SelfCommand.of(
                "/usr/bin/java",
                List.of("-Xmx128m"),
                "/usr/share/jdirectord/jdirectord.jar",
                List.of("--pid-file", "/run/jdirectord/a.cf.pid", "/etc/jdirectord/a.cf", "start"));

        assertThat(command)
                .containsExactly(
                        "/usr/bin/java",
                        "-Xmx128m",
                        "-jar",
                        "/usr/share/jdirectord/jdirectord.jar",
                        "--pid-file",
                        "/run/jdirectord/a.cf.pid",
                        "/etc/jdirectord/a.cf",
                        "start");
        assertThat(SelfCommand.of("java", List.of(), "target/classes:lib/x.jar", List.of("status")))
                .containsExactly("java", "-cp", "target/classes:lib/x.jar", "io.jdirectord.cli.Main", "status");
    }
}
