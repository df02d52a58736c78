package io.jdirectord.check;

import io.jdirectord.check.spec.MailboxSpec;
import java.io.IOException;
import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.imap.IMAPClient;

/**
 * service = imap and imaps (imaps: TLS from the first byte). The greeting must be "* OK"; when a login
 * is configured, LOGIN (user and password sent as quoted strings) must be answered OK. The probe ends
 * with LOGOUT, whose answer does not matter. Whole-probe timeout: negotiatetimeout.
 */
public final class ImapCheck extends ConversationCheck {

    private static final String GREETING = "IMAP greeting";

    private final MailboxSpec spec;
    private final ImplicitTlsPlan tls;

    /**
     * @param contexts where the shared TLS set-up for this check's verification setting comes from
     * @throws IllegalArgumentException when imaps is asked to verify against an unreadable CA file
     */
    public ImapCheck(MailboxSpec spec, TlsContexts contexts) {
        super(spec.probe());
        this.spec = spec;
        this.tls = ImplicitTlsPlan.of(spec.implicitTls(), spec.tls(), spec.peerName(), contexts);
    }

    @Override
    CheckResult converse(SocketProbe probe) throws IOException {
        Imap imap = new Imap(tls.upgrade(probe, GREETING));
        probe.connectingWith(imap, GREETING);
        try {
            imap.connect(address, port);
        } catch (MalformedServerReplyException e) {
            return CheckResult.down(unexpectedGreeting(imap, e));
        }
        String greeting = Reasons.serverLine(imap.getReplyString());
        if (!greeting.startsWith("* OK")) {
            return CheckResult.down(GREETING + " " + greeting);
        }
        String reason = greeting;
        if (!spec.login().isEmpty()) {
            probe.phase("IMAP login");
            imap.setSoTimeout(probe.remainingMillis());
            if (!imap.login(quoted(spec.login()), quoted(spec.passwd()))) {
                return CheckResult.down("IMAP login as " + spec.login() + ": " + lastLine(imap));
            }
            reason += "; logged in as " + spec.login();
        }
        probe.sayGoodbye("IMAP LOGOUT", imap, imap::logout);
        return CheckResult.up(reason);
    }

    /** "* BYE busy" and other well-formed but unwelcoming greetings, else the malformed reply itself. */
    private static String unexpectedGreeting(IMAPClient imap, MalformedServerReplyException e) {
        String line = imap.getReplyString();
        if (line != null && line.startsWith("* ")) {
            return GREETING + " " + Reasons.serverLine(line);
        }
        return GREETING + ": malformed reply: " + Reasons.serverLine(e.getMessage());
    }

    /** The tagged line that ends a reply: "A0001 NO [AUTHENTICATIONFAILED] Authentication failed." */
    private static String lastLine(IMAPClient imap) {
        String[] lines = imap.getReplyStrings();
        return lines.length == 0 ? "" : Reasons.serverLine(lines[lines.length - 1]);
    }

    /** An IMAP quoted string (RFC 3501): backslash and double quote escaped. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An IMAP client that can start TLS before reading the greeting. */
    private static final class Imap extends IMAPClient {
        private final SocketUpgrade upgrade;

        Imap(SocketUpgrade upgrade) {
            this.upgrade = upgrade;
        }

        @Override
        protected void _connectAction_() throws IOException {
            _socket_ = upgrade.upgrade(_socket_);
            super._connectAction_();
        }
    }
}
