package io.jdirectord.check.spec;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import io.jdirectord.net.AddressText;
import java.util.Optional;

/**
 * What a pop or imap check needs.
 *
 * @param probe       the check port, negotiatetimeout, maxreceive
 * @param implicitTls whether TLS starts with the first byte (pops, imaps)
 * @param login       the user; empty skips the login
 * @param passwd      the password
 * @param tls         how the server's certificate is verified
 * @param virtualHost the TLS server name, when not the real's address
 */
public record MailboxSpec(
        Probe probe,
        boolean implicitTls,
        String login,
        String passwd,
        TlsVerification tls,
        Optional<String> virtualHost) {

    public static MailboxSpec of(ProbeSpec spec) {
        ServiceKind service = spec.check().service();
        return new MailboxSpec(
                Probe.negotiate(spec),
                service == ServiceKind.POPS || service == ServiceKind.IMAPS,
                spec.check().login(),
                spec.check().passwd(),
                spec.check().tls(),
                spec.check().virtualHost());
    }

    /** The name TLS verifies: virtualhost, else the real's address. */
    public String peerName() {
        return virtualHost.orElse(AddressText.of(probe.address()));
    }
}
