package io.jdirectord.check.spec;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import io.jdirectord.net.AddressText;
import java.util.Optional;

/**
 * What an ldap check needs.
 *
 * @param probe       the check port, negotiatetimeout, maxreceive
 * @param implicitTls whether TLS starts with the first byte (ldaps)
 * @param login       the bind DN; the bind is anonymous unless login and passwd are both set
 * @param passwd      the bind password
 * @param request     the search base, with or without a leading "/"
 * @param receive     the regular expression the entry's DN must contain; empty accepts any
 * @param tls         how the server's certificate is verified
 * @param virtualHost the TLS server name, when not the real's address
 */
public record LdapSpec(
        Probe probe,
        boolean implicitTls,
        String login,
        String passwd,
        String request,
        String receive,
        TlsVerification tls,
        Optional<String> virtualHost) {

    public static LdapSpec of(ProbeSpec spec) {
        return new LdapSpec(
                Probe.negotiate(spec),
                spec.check().service() == ServiceKind.LDAPS,
                spec.check().login(),
                spec.check().passwd(),
                spec.check().request(),
                spec.check().receive(),
                spec.check().tls(),
                spec.check().virtualHost());
    }

    /** The name TLS verifies: virtualhost, else the real's address. */
    public String peerName() {
        return virtualHost.orElse(AddressText.of(probe.address()));
    }
}
