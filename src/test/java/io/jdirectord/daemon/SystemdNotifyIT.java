package io.jdirectord.daemon;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the jar as systemd would start a {@code Type=notify} service with {@code WatchdogSec=2}: a
 * unix datagram socket in $NOTIFY_SOCKET (received by a Python process, since the JDK cannot bind one)
 * and WATCHDOG_USEC=2000000.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SystemdNotifyIT {

    /** Binds argv[1] as a datagram socket, touches argv[2].ready, appends each datagram and a NUL to argv[2]. */
    private static final String RECEIVER = String.join(
            "\n",
            "import socket, sys",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
            "s.bind(sys.argv[1])",
            "open(sys.argv[2] + '.ready', 'w').close()",
            "with open(sys.argv[2], 'ab', buffering=0) as out:",
            "    while True:",
            "        out.write(s.recv(65536) + b'\\0')");

    @TempDir
    Path dir;

    private Process receiver;
    private Path received;

    @BeforeEach
    void startReceiver() throws Exception {
        require(python3Runs(), "python3 is needed to receive the notifications");
        received = dir.resolve("received");
        receiver = new ProcessBuilder(
                        "python3", "-c", RECEIVER, dir.resolve("notify.sock").toString(), received.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("receiver.out").toFile())
                .start();
        Path ready = dir.resolve("received.ready");
        await("the receiver's socket")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Files.exists(ready) || !receiver.isAlive());
        assertThat(ready)
                .as("receiver bound its socket: " + Files.readString(dir.resolve("receiver.out")))
                .exists();
    }

    @AfterEach
    void stopReceiver() throws InterruptedException {
        if (receiver != null) {
            receiver.destroy();
            receiver.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean python3Runs() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import socket")
                    .redirectErrorStream(true)
                    .start();
            return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private List<String> notifications() {
        try {
            if (!Files.exists(received)) {
                return List.of();
            }
            String text = new String(Files.readAllBytes(received), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\0"))
                    .filter(message -> !message.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean anyStartsWith(String prefix) {
        return notifications().stream().anyMatch(message -> message.startsWith(prefix));
    }

    @Test
    void tellsSystemdItIsReadyWithAStatusPingsTheWatchdogAndSaysWhenItStops() throws Exception {
        try (LoopbackListener up = new LoopbackListener();
                DaemonProcess daemon = DaemonProcess.start(
                        dir,
                        DaemonProcess.connectConfig(List.of(up.port())),
                        Map.of("NOTIFY_SOCKET", dir.resolve("notify.sock").toString(), "WATCHDOG_USEC", "2000000"))) {

            daemon.await("READY=1", Duration.ofSeconds(60), () -> anyStartsWith("READY=1"));
            daemon.await(
                    "two WATCHDOG=1",
                    Duration.ofSeconds(30),
                    () -> notifications().stream()
                                    .filter(message -> message.equals("WATCHDOG=1"))
                                    .count()
                            >= 2);

            assertThat(notifications()).first().isEqualTo("STATUS=starting: running the first round of checks");
            assertThat(notifications()).contains("READY=1\nSTATUS=1 virtual service, 1/1 real server up (dry run)");

            assertThat(daemon.stop()).isZero();
            assertThat(notifications()).contains("STOPPING=1\nSTATUS=stopping");
        }
    }

    @Test
    void announcesAReloadAndIsReadyAgain() throws Exception {
        try (LoopbackListener up = new LoopbackListener();
                DaemonProcess daemon = DaemonProcess.start(
                        dir,
                        DaemonProcess.connectConfig(List.of(up.port())),
                        Map.of("NOTIFY_SOCKET", dir.resolve("notify.sock").toString()))) {
            daemon.await("READY=1", Duration.ofSeconds(60), () -> anyStartsWith("READY=1"));
            assertThat(new ProcessBuilder("kill", "-HUP", Long.toString(daemon.pid()))
                            .start()
                            .waitFor())
                    .isZero();
            daemon.await(
                    "READY=1 after the reload",
                    Duration.ofSeconds(30),
                    () -> notifications().stream()
                            .dropWhile(message -> !message.startsWith("RELOADING=1\nMONOTONIC_USEC="))
                            .anyMatch(message -> message.startsWith("READY=1")));

            assertThat(notifications()).noneMatch(message -> message.startsWith("WATCHDOG=1"));
        }
    }
}
