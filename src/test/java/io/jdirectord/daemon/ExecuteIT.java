package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code execute = other.cf}: the other configuration's daemon is started once this one is ready, found by
 * {@code status} through its pid file beside this daemon's, stopped when a reload drops the line, started
 * again when a reload brings it back, and stopped when this daemon stops.
 */
@Timeout(value = 400, unit = TimeUnit.SECONDS)
class ExecuteIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private Optional<ProcessHandle> instance = Optional.empty();

    /** Stops the instance and waits for its end: until then it writes into {@link #dir}. */
    @AfterEach
    void stopTheInstance() throws Exception {
        if (instance.isPresent()) {
            DaemonProcess.stop(instance.get(), WAIT);
        }
    }

    private String mainConfig(boolean execute) {
        return (execute ? "execute = other.cf\n" : "") + DaemonProcess.connectConfig(List.of(1));
    }

    @Test
    void theNamedConfigurationRunsItsOwnDaemonAsLongAsThisOneNamesItAndRuns() throws Exception {
        Files.writeString(
                dir.resolve("other.cf"),
                "logfile=\"" + dir.resolve("other.log") + "\"\n"
                        + "checkinterval=0.5\nchecktimeout=1\nvirtual=192.0.2.11:80\n    real=127.0.0.1:2 masq\n    checktype=connect\n");
        try (DaemonProcess daemon = DaemonProcess.start(dir, mainConfig(true))) {
            daemon.awaitEvent("instance", WAIT, "config=" + dir.resolve("other.cf"), "command=start", "result=ok");
            ProcessHandle first = running();
            assertThat(Files.readString(dir.resolve("other.log"))).contains(" ready virtuals=1 reals=1");
            DaemonProcess.Run status = DaemonProcess.run(
                    "--pid-file",
                    dir.resolve("other.cf.pid").toString(),
                    dir.resolve("other.cf").toString(),
                    "status");
            assertThat(status.status()).as(status.err()).isZero();
            assertThat(status.out()).contains("TCP   192.0.2.11:80");

            daemon.rewriteConfig(mainConfig(false));
            daemon.signal("HUP");
            daemon.awaitEvent("instance", WAIT, "command=stop", "result=ok");
            assertThat(first.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

            int logged = daemon.log().size();
            daemon.rewriteConfig(mainConfig(true));
            daemon.signal("HUP");
            daemon.awaitLog(logged, DaemonProcess.event("instance", "command=start", "result=ok"), WAIT);
            ProcessHandle second = running();

            assertThat(daemon.stop()).isZero();
            assertThat(second.onExit().get(30, TimeUnit.SECONDS).isAlive())
                    .as("stopped with this daemon")
                    .isFalse();
            assertThat(daemon.log()).anyMatch(DaemonProcess.event("instance", "command=stop", "result=ok"));
        }
    }

    /** The instance's process, from its pid file beside the daemon's. */
    private ProcessHandle running() throws IOException {
        long pid = Long.parseLong(Files.readString(dir.resolve("other.cf.pid")).trim());
        instance = ProcessHandle.of(pid);
        assertThat(instance).as("the instance's process").isPresent();
        return instance.orElseThrow();
    }
}
