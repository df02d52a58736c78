package io.jdirectord.daemon.notify;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What systemd asks of a {@code Type=notify} service through its environment.
 *
 * @param socket   {@code NOTIFY_SOCKET}: a socket path, or a name in the abstract namespace starting with '@'
 * @param watchdog {@code WATCHDOG_USEC} (WatchdogSec=): the longest systemd waits between two WATCHDOG=1;
 *                 empty when unset, not a positive number, or meant for another process ({@code WATCHDOG_PID})
 * @param exitWork how long the JVM may still work once the daemon has stopped, before the process ends:
 *                 {@link #CLASS_CACHE_WRITE} when the JVM writes the launcher's class cache at exit, else zero
 */
public record NotifySettings(String socket, Optional<Duration> watchdog, Duration exitWork) {

    /**
     * What writing the class cache at exit may take: about a second natively, 30 to 40 s in an emulated
     * (qemu TCG) guest, where it outlasted the unit's 30 s WatchdogSec.
     */
    public static final Duration CLASS_CACHE_WRITE = Duration.ofMinutes(2);

    /**
     * The settings in {@code environment} for the process {@code pid}; empty when NOTIFY_SOCKET is unset or
     * empty. {@code classCacheAtExit}: the JVM writes a class cache as it exits (the launcher's training run).
     */
    public static Optional<NotifySettings> from(Map<String, String> environment, long pid, boolean classCacheAtExit) {
        String socket = environment.getOrDefault("NOTIFY_SOCKET", "");
        if (socket.isEmpty()) {
            return Optional.empty();
        }
        Duration exitWork = classCacheAtExit ? CLASS_CACHE_WRITE : Duration.ZERO;
        return Optional.of(new NotifySettings(socket, watchdog(environment, pid), exitWork));
    }

    private static Optional<Duration> watchdog(Map<String, String> environment, long pid) {
        String forPid = environment.get("WATCHDOG_PID");
        if (forPid != null && !forPid.equals(Long.toString(pid))) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(environment.getOrDefault("WATCHDOG_USEC", ""));
            return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
