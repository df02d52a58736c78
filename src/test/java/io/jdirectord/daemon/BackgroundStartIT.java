package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdirectord CONFIG start} from a shell: it returns once the daemon in the background is ready, or
 * with the daemon's status and reason when it fails; commands without CONFIG find the daemon in the run
 * directory. Runs as any user: everything lives in the test's directory.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class BackgroundStartIT {

    private static final Duration STOPPED = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @RegisterExtension
    final Resources resources = new Resources();

    private final List<Long> started = new ArrayList<>();

    /** Stops the daemons a test started and waits for their end: until then they write into {@link #dir}. */
    @AfterEach
    void stopWhatStarted() throws Exception {
        List<ProcessHandle> daemons = started.stream()
                .map(ProcessHandle::of)
                .flatMap(java.util.Optional::stream)
                .toList();
        for (ProcessHandle daemon : daemons) {
            DaemonProcess.stop(daemon, STOPPED);
        }
    }

    @Test
    void startReturnsOnceTheDaemonIsReadyAndStatusAndStopFindItWithoutConfig() throws Exception {
        Backend backend = resources.keep(Backend.on("127.0.47.1"));
        Path config = config("a", backend);

        DaemonProcess.Run start = start(config);

        assertThat(start.status()).as(start.err()).isZero();
        long pid = pid(config);
        assertThat(start.out()).isEqualTo("jdirectord for " + config + " started with pid " + pid + "\n");
        assertThat(Files.readString(config.resolveSibling("failure.log"))).contains(" ready virtuals=1 reals=1 up=1");
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        assertThat(sessionOf(pid)).as("the daemon leads a session of its own").isEqualTo(pid);
        for (int fd = 0; fd <= 2; fd++) {
            assertThat(Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/" + fd)))
                    .hasToString("/dev/null");
        }

        DaemonProcess.Run again = DaemonProcess.run(
                "--dry-run", "--run-dir", runDir(), "--state-dir", dir.toString(), config.toString(), "start");
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("is already running with pid " + pid);

        DaemonProcess.Run status = DaemonProcess.run("--run-dir", runDir(), "status");
        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).contains("pid " + pid, "TCP   192.0.2.47:80");

        DaemonProcess.Run stop = DaemonProcess.run("--run-dir", runDir(), "stop");
        assertThat(stop.status()).as(stop.err()).isZero();
        assertThat(daemon.onExit().get(STOPPED.toSeconds(), TimeUnit.SECONDS).isAlive())
                .isFalse();
        DaemonProcess.Run stopped = DaemonProcess.run(
                "--run-dir", runDir(), "--pid-file", pidFile(config).toString(), config.toString(), "status");
        assertThat(stopped.status()).isEqualTo(3);
    }

    @Test
    void startReportsAnInvalidConfigurationAsFileAndLineWithStatusTwo() throws Exception {
        Path config = dir.resolve("broken.cf");
        Files.writeString(config, "virtual=192.0.2.47:80\n    real=127.0.47.2:80 masq\n    checktype=sometimes\n");

        DaemonProcess.Run start = start(config);

        assertThat(start.status()).isEqualTo(2);
        assertThat(start.err()).contains(config + ":3: checktype must be");
        assertThat(pidFile(config)).doesNotExist();
    }

    @Test
    void startPassesOnWhyTheDaemonInTheBackgroundFailedAndItsStatus() throws Exception {
        Backend backend = resources.keep(Backend.on("127.0.47.3"));
        Path config = config("c", backend);
        Path logDirectory = dir.resolve("c/failure.log");
        Files.createDirectory(logDirectory);

        DaemonProcess.Run start = start(config);

        assertThat(start.status()).as(start.out()).isEqualTo(1);
        assertThat(start.err()).contains("jdirectord: cannot write " + logDirectory + ": Is a directory");
        assertThat(pidFile(config)).doesNotExist();
    }

    @Test
    void aCommandWithoutConfigListsTheDaemonsWhenSeveralRun() throws Exception {
        Backend backend = resources.keep(Backend.on("127.0.47.4"));
        Path first = config("d", backend);
        Path second = config("e", backend);
        assertThat(start(first).status()).isZero();
        assertThat(start(second).status()).isZero();

        DaemonProcess.Run status = DaemonProcess.run("--run-dir", runDir(), "status");
        DaemonProcess.Run stop = DaemonProcess.run("--run-dir", runDir(), "stop");

        assertThat(status.status()).isEqualTo(2);
        assertThat(status.err())
                .contains(
                        "2 daemons are running; name the configuration file of the one you mean:",
                        "  " + first + " (pid " + pid(first) + ")",
                        "  " + second + " (pid " + pid(second) + ")");
        assertThat(stop.status()).isEqualTo(2);
        assertThat(ProcessHandle.of(pid(first))).as("nothing was stopped").isPresent();
    }

    @Test
    void statusAndStopFindADaemonStartedFromTheJarRenamed() throws Exception {
        Backend backend = resources.keep(Backend.on("127.0.47.5"));
        Path config = config("lvs", backend);
        Path jar = Files.copy(DaemonProcess.JAR, dir.resolve("lvs.jar"));

        DaemonProcess.Run start = DaemonProcess.runJar(
                jar, "--dry-run", "--run-dir", runDir(), "--state-dir", dir.toString(), config.toString(), "start");

        assertThat(start.status()).as(start.err()).isZero();
        long pid = pid(config);
        started.add(pid);
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline")))
                .as("nothing on the daemon's command line names jdirectord")
                .doesNotContain("jdirectord");
        DaemonProcess.Run status = DaemonProcess.runJar(jar, "--run-dir", runDir(), config.toString(), "status");
        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).contains("pid " + pid, "TCP   192.0.2.47:80");
        DaemonProcess.Run stop = DaemonProcess.runJar(jar, "--run-dir", runDir(), config.toString(), "stop");
        assertThat(stop.status()).as(stop.err()).isZero();
        assertThat(daemon.onExit().get(STOPPED.toSeconds(), TimeUnit.SECONDS).isAlive())
                .isFalse();
    }

    /** A configuration file in its own directory, with its failure log beside it, named NAME.cf. */
    private Path config(String name, Backend backend) throws IOException {
        Path directory = Files.createDirectories(dir.resolve(name));
        Path config = directory.resolve(name + ".cf");
        Files.writeString(config, """
                logfile="%s"
                checkinterval=0.5
                checktimeout=1
                virtual=192.0.2.47:80
                    real=%s masq
                    checktype=connect
                """.formatted(directory.resolve("failure.log"), backend.hostPort()));
        return config;
    }

    private DaemonProcess.Run start(Path config) throws IOException, InterruptedException {
        DaemonProcess.Run run = DaemonProcess.run(
                "--dry-run", "--run-dir", runDir(), "--state-dir", dir.toString(), config.toString(), "start");
        if (Files.exists(pidFile(config))) {
            started.add(pid(config));
        }
        return run;
    }

    private String runDir() {
        return dir.resolve("run").toString();
    }

    private Path pidFile(Path config) {
        return dir.resolve("run").resolve(config.getFileName() + ".pid");
    }

    /** The session id of a process: field 6 of /proc/PID/stat. */
    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
    }

    private long pid(Path config) throws IOException {
        return Long.parseLong(Files.readString(pidFile(config)).trim());
    }
}
