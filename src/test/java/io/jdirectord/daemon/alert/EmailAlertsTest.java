package io.jdirectord.daemon.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.DaemonStatus;
import io.jdirectord.config.EmailAlert;
import io.jdirectord.daemon.alert.EmailAlerts.Reminder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EmailAlertsTest {

    private static final Instant T0 = Instant.parse("2026-11-21T07:00:00Z");
    private static final String KEY = "127.0.0.2:80 (192.0.2.10:80)";

    private final List<Alert> sent = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final EmailAlerts alerts =
            new EmailAlerts(settings -> sent::add, Runnable::run, failures::add, "director1");

    private static EmailAlert settings(int frequency, DaemonStatus... statuses) {
        return new EmailAlert(
                "ops@example.com, oncall@example.com",
                frequency,
                statuses.length == 0 ? EnumSet.allOf(DaemonStatus.class) : EnumSet.of(statuses[0], statuses),
                Optional.of("lvs@example.com"),
                Optional.empty());
    }

    @Test
    void mailsATableChangeToEveryRecipientWithTheServiceNameInTheSubject() {
        alerts.tableChanged(
                settings(0),
                "web",
                "front",
                DaemonStatus.RUNNING,
                KEY,
                "Deleted real server: " + KEY,
                Reminder.ARM,
                T0);
        assertThat(sent).singleElement().satisfies(alert -> {
            assertThat(alert.recipients()).containsExactly("ops@example.com", "oncall@example.com");
            assertThat(alert.subject()).isEqualTo("[web] Deleted real server: " + KEY);
            assertThat(alert.from()).isEqualTo("lvs@example.com");
            assertThat(alert.body()).contains("Daemon-Status: running", "Service name: web", "Comment: front");
        });
    }

    @Test
    void sendsNothingWhenTheDaemonStatusIsNotListed() {
        alerts.tableChanged(
                settings(0, DaemonStatus.RUNNING), "", "", DaemonStatus.STARTING, KEY, "Added", Reminder.NONE, T0);
        assertThat(sent).isEmpty();
    }

    @Test
    void sendsNothingWithoutRecipients() {
        EmailAlert off = new EmailAlert("", 0, EnumSet.allOf(DaemonStatus.class), Optional.empty(), Optional.empty());
        alerts.tableChanged(off, "", "", DaemonStatus.RUNNING, KEY, "Added", Reminder.NONE, T0);
        assertThat(sent).isEmpty();
    }

    @Test
    void remindsEveryFrequencySecondsWhileTheServerStaysOut() {
        alerts.tableChanged(
                settings(60), "", "", DaemonStatus.RUNNING, KEY, "Deleted real server: " + KEY, Reminder.ARM, T0);
        alerts.sendDueReminders(DaemonStatus.RUNNING, T0.plusSeconds(59));
        assertThat(sent).hasSize(1);
        alerts.sendDueReminders(DaemonStatus.RUNNING, T0.plusSeconds(60));
        alerts.sendDueReminders(DaemonStatus.RUNNING, T0.plusSeconds(90));
        alerts.sendDueReminders(DaemonStatus.RUNNING, T0.plusSeconds(120));
        assertThat(sent)
                .extracting(Alert::subject)
                .containsExactly(
                        "Deleted real server: " + KEY,
                        "Inaccessible real server: " + KEY,
                        "Inaccessible real server: " + KEY);
    }

    @Test
    void stopsRemindingOnceTheServerIsBack() {
        alerts.tableChanged(settings(60), "", "", DaemonStatus.RUNNING, KEY, "Deleted", Reminder.ARM, T0);
        alerts.tableChanged(
                settings(60), "", "", DaemonStatus.RUNNING, KEY, "Added", Reminder.CLEAR, T0.plusSeconds(30));
        alerts.sendDueReminders(DaemonStatus.RUNNING, T0.plusSeconds(600));
        assertThat(sent).extracting(Alert::subject).containsExactly("Deleted", "Added");
    }

    @Test
    void reportsAFailedDeliveryInsteadOfThrowing() {
        EmailAlerts failing = new EmailAlerts(
                settings -> alert -> {
                    throw new IOException("connection refused");
                },
                Runnable::run,
                failures::add,
                "director1");
        failing.tableChanged(settings(0), "", "", DaemonStatus.RUNNING, KEY, "Deleted", Reminder.NONE, T0);
        assertThat(failures)
                .singleElement()
                .asString()
                .contains("failed to send alert \"Deleted\"", "connection refused");
    }
}
