package io.jdirectord.check;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.ServiceKind;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.net.pop3.POP3Client;

/**
 * service = pop and pops (pops: TLS from the first byte). The greeting must be +OK; when a login is
 * configured, USER and PASS must both be answered +OK. The probe ends with QUIT, whose answer does not
 * matter. Whole-probe timeout: negotiatetimeout.
 */
public final class PopCheck implements Check {

    private static final String GREETING = "POP3 greeting";

    private final InetAddress address;
    private final int port;
    private final CheckSpec spec;
    private final Optional<ImplicitTls> tls;
    private final String peerName;

    /** @throws IllegalArgumentException when pops is asked to verify against an unreadable CA file */
    public PopCheck(ProbeSpec spec) {
        this.address = spec.real().address();
        this.port = spec.checkPort();
        this.spec = spec.check();
        boolean implicitTls = spec.check().service() == ServiceKind.POPS;
        this.tls = implicitTls ? Optional.of(new ImplicitTls(spec.check().tls())) : Optional.empty();
        this.peerName = spec.check().virtualHost().orElse(address.getHostAddress());
    }

    @Override
    public Duration timeout() {
        return spec.negotiateTimeout();
    }

    @Override
    public CheckResult run(Deadline deadline) {
        return SocketProbe.run(deadline, timeout(), spec.maxReceiveBytes(), this::converse);
    }

    private CheckResult converse(SocketProbe probe) throws IOException {
        Pop3 pop = new Pop3(tls.map(t -> SocketUpgrade.implicitTls(t, peerName, probe, GREETING))
                .orElse(SocketUpgrade.NONE));
        pop.setSocketFactory(probe.sockets());
        pop.setConnectTimeout(probe.remainingMillis());
        pop.setDefaultTimeout(probe.remainingMillis());
        probe.connecting(GREETING);
        pop.connect(address, port);
        String greeting = ServerText.excerpt(pop.getReplyString());
        if (!greeting.startsWith("+OK")) {
            return CheckResult.down(GREETING + " " + greeting);
        }
        String reason = greeting;
        if (!spec.login().isEmpty()) {
            probe.phase("POP3 login");
            pop.setSoTimeout(probe.remainingMillis());
            if (!pop.login(spec.login(), spec.passwd())) {
                return CheckResult.down("POP3 login as " + spec.login() + ": " + ServerText.excerpt(pop.getReplyString()));
            }
            reason += "; logged in as " + spec.login();
        }
        quit(probe, pop);
        return CheckResult.up(reason);
    }

    /** Says goodbye; the verdict is already made, so a missing or odd answer is ignored. */
    private static void quit(SocketProbe probe, POP3Client pop) {
        try {
            probe.phase("POP3 QUIT");
            pop.setSoTimeout(probe.remainingMillis());
            pop.logout();
        } catch (IOException ignored) {
            // The server already passed; its manners at QUIT do not change that.
        }
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
