package io.jdirectord.config;

import java.util.Optional;
import java.util.Set;

/**
 * E-mail alerts of one virtual service after inheritance from the global section.
 *
 * @param recipients     the emailalert value, quotes stripped; empty = no alerts
 * @param frequency      reminder period in seconds for servers that stay down; 0 = no reminders
 * @param statuses       daemon states in which alerts are sent (empty set = none)
 * @param from           From: address (global emailalertfrom), verbatim
 * @param smtpServer     relay host (port 25); empty = the local mail system
 */
public record EmailAlert(
        String recipients,
        int frequency,
        Set<DaemonStatus> statuses,
        Optional<String> from,
        Optional<String> smtpServer) {

    public boolean enabled() {
        return !recipients.isEmpty();
    }
}
