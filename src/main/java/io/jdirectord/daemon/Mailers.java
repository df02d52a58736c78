package io.jdirectord.daemon;

import io.jdirectord.config.EmailAlert;
import io.jdirectord.daemon.alert.AlertMailer;
import io.jdirectord.daemon.alert.MailText;
import io.jdirectord.daemon.alert.SmtpAlertMailer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

/** Chooses how alerts of a virtual service are delivered: its smtp relay (host[:port]), else sendmail. */
final class Mailers {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> SENDMAIL = List.of("/usr/sbin/sendmail", "-t", "-oi");

    private Mailers() {}

    static AlertMailer forSettings(EmailAlert settings) {
        return settings.smtpServer()
                .<AlertMailer>map(relay -> {
                    int colon = relay.lastIndexOf(':');
                    boolean hasPort =
                            colon > 0 && relay.substring(colon + 1).chars().allMatch(Character::isDigit);
                    String host = hasPort ? relay.substring(0, colon) : relay;
                    int port = hasPort ? Integer.parseInt(relay.substring(colon + 1)) : 25;
                    return new SmtpAlertMailer(host, port, TIMEOUT, hostname());
                })
                .orElseGet(Mailers::sendmail);
    }

    /** Hands alerts to the local mail system when no {@code smtp} relay is set. */
    private static AlertMailer sendmail() {
        ExternalCommand command = new ExternalCommand(TIMEOUT);
        return alert -> {
            int status = command.run(SENDMAIL, MailText.message(alert));
            if (status != 0) {
                throw new IOException(SENDMAIL.get(0) + " exited with status " + status);
            }
        };
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
