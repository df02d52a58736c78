package io.jdirectord.daemon;

import io.jdirectord.config.EmailAlert;
import io.jdirectord.daemon.alert.AlertMailer;
import io.jdirectord.daemon.alert.SendmailAlertMailer;
import io.jdirectord.daemon.alert.SmtpAlertMailer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/** Chooses how alerts of a virtual service are delivered: its smtp relay (host[:port]), else sendmail. */
final class Mailers {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Mailers() {
    }

    static AlertMailer forSettings(EmailAlert settings) {
        return settings.smtpServer().<AlertMailer>map(relay -> {
            int colon = relay.lastIndexOf(':');
            boolean hasPort = colon > 0 && relay.substring(colon + 1).chars().allMatch(Character::isDigit);
            String host = hasPort ? relay.substring(0, colon) : relay;
            int port = hasPort ? Integer.parseInt(relay.substring(colon + 1)) : 25;
            return new SmtpAlertMailer(host, port, TIMEOUT, hostname());
        }).orElseGet(() -> new SendmailAlertMailer(Path.of("/usr/sbin/sendmail"), TIMEOUT));
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
