package io.jdirectord.check;

import io.jdirectord.check.spec.MailboxSpec;
import java.io.IOException;
import org.apache.commons.net.pop3.POP3Client;

/**
 * service = pop and pops (pops: TLS from the first byte). The greeting must be +OK; when a login is
 * configured, USER and PASS must both be answered +OK. The probe ends with QUIT, whose answer does not
 * matter. Whole-probe timeout: negotiatetimeout.
 */
public final class PopCheck extends ConversationCheck {

    private static final String GREETING = "POP3 greeting";

    private final MailboxSpec spec;
    private final ImplicitTlsPlan tls;

    /**
     * @param contexts where the shared TLS set-up for this check's verification setting comes from
     * @throws IllegalArgumentException when pops is asked to verify against an unreadable CA file
     */
    public PopCheck(MailboxSpec spec, TlsContexts contexts) {
        super(spec.probe());
        this.spec = spec;
        this.tls = ImplicitTlsPlan.of(spec.implicitTls(), spec.tls(), spec.peerName(), contexts);
    }

    @Override
    CheckResult converse(SocketProbe probe) throws IOException {
        Pop3 pop = new Pop3(tls.upgrade(probe, GREETING));
        probe.connectingWith(pop, GREETING);
        pop.connect(address, port);
        String greeting = Reasons.serverLine(pop.getReplyString());
        if (!greeting.startsWith("+OK")) {
            return CheckResult.down(GREETING + " " + greeting);
        }
        String reason = greeting;
        if (!spec.login().isEmpty()) {
            probe.phase("POP3 login");
            pop.setSoTimeout(probe.remainingMillis());
            if (!pop.login(spec.login(), spec.passwd())) {
                return CheckResult.down(
                        "POP3 login as " + spec.login() + ": " + Reasons.serverLine(pop.getReplyString()));
            }
            reason += "; logged in as " + spec.login();
        }
        probe.sayGoodbye("POP3 QUIT", pop, pop::logout);
        return CheckResult.up(reason);
    }

    /** A POP3 client that can start TLS before reading the greeting. */
    private static final class Pop3 extends POP3Client {
        private final SocketUpgrade upgrade;

        Pop3(SocketUpgrade upgrade) {
            this.upgrade = upgrade;
        }

        @Override
        protected void _connectAction_() throws IOException {
            _socket_ = upgrade.upgrade(_socket_);
            super._connectAction_();
        }
    }
}
