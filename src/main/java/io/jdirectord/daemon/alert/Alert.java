package io.jdirectord.daemon.alert;

import java.util.List;

/**
 * One e-mail alert, ready to send.
 *
 * @param recipients addresses, one RCPT each
 * @param from       the From: address
 * @param subject    the subject line (the event, prefixed with "[servicename] " when set)
 * @param body       the body text, lines separated by '\n'
 */
public record Alert(List<String> recipients, String from, String subject, String body) {

    public Alert {
        recipients = List.copyOf(recipients);
    }
}
