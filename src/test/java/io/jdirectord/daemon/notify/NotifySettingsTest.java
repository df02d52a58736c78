package io.jdirectord.daemon.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NotifySettingsTest {

    @Test
    void isAbsentWithoutANotifySocket() {
        assertThat(NotifySettings.from(Map.of("WATCHDOG_USEC", "2000000"), 7, false))
                .isEmpty();
        assertThat(NotifySettings.from(Map.of("NOTIFY_SOCKET", ""), 7, false)).isEmpty();
    }

    @Test
    void readsTheSocketAndTheWatchdogTimeoutInMicroseconds() {
        assertThat(NotifySettings.from(
                        Map.of("NOTIFY_SOCKET", "@/org/freedesktop/systemd1/notify", "WATCHDOG_USEC", "2500000"),
                        7,
                        false))
                .contains(new NotifySettings(
                        "@/org/freedesktop/systemd1/notify", Optional.of(Duration.ofMillis(2500)), Duration.ZERO));
    }

    @Test
    void honoursAWatchdogPidOnlyWhenItIsThisProcess() {
        Map<String, String> mine =
                Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "1000000", "WATCHDOG_PID", "7");
        Map<String, String> other =
                Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "1000000", "WATCHDOG_PID", "8");

        assertThat(NotifySettings.from(mine, 7, false).orElseThrow().watchdog()).contains(Duration.ofSeconds(1));
        assertThat(NotifySettings.from(other, 7, false).orElseThrow().watchdog())
                .isEmpty();
    }

    @Test
    void ignoresAWatchdogTimeoutThatIsNotAPositiveNumber() {
        for (String usec : new String[] {"0", "-5", "soon", ""}) {
            assertThat(NotifySettings.from(
                                    Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", usec), 7, false)
                            .orElseThrow()
                            .watchdog())
                    .as(usec)
                    .isEmpty();
        }
    }

    @Test
    void allowsTwoMinutesOfWorkAtExitWhenTheJvmWritesTheClassCache() {
        Map<String, String> environment = Map.of("NOTIFY_SOCKET", "/run/systemd/notify");

        assertThat(NotifySettings.from(environment, 7, true).orElseThrow().exitWork())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(NotifySettings.from(environment, 7, false).orElseThrow().exitWork())
                .isZero();
    }
}
