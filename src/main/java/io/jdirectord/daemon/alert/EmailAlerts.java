package io.jdirectord.daemon.alert;

import io.jdirectord.config.DaemonStatus;
import io.jdirectord.config.EmailAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Decides which table changes are mailed and sends them without blocking the caller, as ldirectord does:
 * a mail for every change while the daemon status is one of emailalertstatus, with subject
 * "[servicename] message", and reminders ("Inaccessible real server: ...") every emailalertfreq seconds
 * for a real server that stays out. Delivery runs on the given executor (virtual threads); a failed
 * delivery is reported to the failure callback, never thrown.
 */
public final class EmailAlerts {

    /** What a table change means for the reminders of one real server. */
    public enum Reminder {
        /** The server went out (deleted, quiesced): remind while it stays out. */
        ARM,
        /** The server is back or replaced: stop reminding. */
        CLEAR,
        /** No effect on reminders. */
        NONE
    }

    private final Function<EmailAlert, AlertMailer> mailers;
    private final Executor executor;
    private final Consumer<String> failures;
    private final String hostname;
    private final Map<String, Pending> reminders = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    private record Pending(EmailAlert settings, String serviceName, String comment, Instant since, Instant lastSent) {}

    /**
     * @param mailers  the mailer for a virtual service's settings (smtp relay or local sendmail)
     * @param executor where deliveries run
     * @param failures receives "emailalert: failed to send ...: reason" lines for the failure log
     * @param hostname this director's name, in the From default and the body
     */
    public EmailAlerts(
            Function<EmailAlert, AlertMailer> mailers, Executor executor, Consumer<String> failures, String hostname) {
        this.mailers = mailers;
        this.executor = executor;
        this.failures = failures;
        this.hostname = hostname;
    }

    /**
     * Reports one table change.
     *
     * @param key      identifies the real server for reminders, e.g. "127.0.0.2:80 (192.0.2.10:80)"
     * @param message  ldirectord's wording, e.g. "Deleted real server: 127.0.0.2:80 (192.0.2.10:80)"
     */
    public void tableChanged(
            EmailAlert settings,
            String serviceName,
            String comment,
            DaemonStatus status,
            String key,
            String message,
            Reminder reminder,
            Instant now) {
        if (settings.enabled() && settings.statuses().contains(status)) {
            send(settings, serviceName, comment, status, message);
        }
        lock.lock();
        try {
            if (reminder == Reminder.ARM && settings.enabled() && settings.frequency() > 0) {
                reminders.put(key, new Pending(settings, serviceName, comment, now, now));
            } else if (reminder == Reminder.CLEAR) {
                reminders.remove(key);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends the reminders that are due at {@code now}; call it about once per second. */
    public void sendDueReminders(DaemonStatus status, Instant now) {
        List<Runnable> due = new ArrayList<>();
        lock.lock();
        try {
            reminders.replaceAll((key, pending) -> {
                Duration period = Duration.ofSeconds(pending.settings().frequency());
                if (Duration.between(pending.lastSent(), now).compareTo(period) < 0) {
                    return pending;
                }
                if (pending.settings().statuses().contains(status)) {
                    due.add(() -> send(
                            pending.settings(),
                            pending.serviceName(),
                            pending.comment(),
                            status,
                            "Inaccessible real server: " + key));
                }
                return new Pending(pending.settings(), pending.serviceName(), pending.comment(), pending.since(), now);
            });
        } finally {
            lock.unlock();
        }
        due.forEach(Runnable::run);
    }

    private void send(EmailAlert settings, String serviceName, String comment, DaemonStatus status, String message) {
        String subject = serviceName.isEmpty() ? message : "[" + serviceName + "] " + message;
        String from = settings.from().orElse(System.getProperty("user.name", "root") + "@" + hostname);
        List<String> recipients = Arrays.stream(settings.recipients().split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        String body = "jdirectord host: " + hostname + "\nLog-Message: " + message + "\nDaemon-Status: "
                + status.name().toLowerCase(java.util.Locale.ROOT) + "\n\nService name: " + serviceName + "\nComment: "
                + comment + "\n";
        Alert alert = new Alert(recipients, from, subject, body);
        executor.execute(() -> deliver(settings, alert));
    }

    private void deliver(EmailAlert settings, Alert alert) {
        try {
            mailers.apply(settings).send(alert);
        } catch (Exception e) {
            failures.accept("failed to send alert \"" + alert.subject() + "\" to "
                    + String.join(",", alert.recipients()) + ": " + e.getMessage());
        }
    }
}
