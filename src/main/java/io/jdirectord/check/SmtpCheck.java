package io.jdirectord.check;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.ProbeSpec;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPCommand;
import org.apache.commons.net.smtp.SMTPConnectionClosedException;
import org.apache.commons.net.smtp.SMTPReply;

/**
 * service = smtp and submission: the greeting must be 2xx, then EHLO (or HELO when EHLO is refused) must
 * be 2xx; the probe ends with QUIT, whose answer does not matter. The client names itself with the
 * address literal of its end of the connection ("[127.0.0.1]", "[IPv6:::1]"). Whole-probe timeout:
 * negotiatetimeout.
 */
public final class SmtpCheck implements Check {

    private static final String GREETING = "SMTP greeting";

    private final InetAddress address;
    private final int port;
    private final CheckSpec spec;

    public SmtpCheck(ProbeSpec spec) {
        this.address = spec.real().address();
        this.port = spec.checkPort();
        this.spec = spec.check();
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
        SMTPClient smtp = new SMTPClient();
        smtp.setSocketFactory(probe.sockets());
        smtp.setConnectTimeout(probe.remainingMillis());
        smtp.setDefaultTimeout(probe.remainingMillis());
        probe.connecting(GREETING);
        try {
            smtp.connect(address, port);
            if (!SMTPReply.isPositiveCompletion(smtp.getReplyCode())) {
                return CheckResult.down(GREETING + " " + ServerText.excerpt(smtp.getReplyString()));
            }
            String greeting = ServerText.excerpt(smtp.getReplyString());
            CheckResult result = hello(probe, smtp);
            if (result.up()) {
                quit(probe, smtp);
                return CheckResult.up(greeting + "; " + result.reason());
            }
            return result;
        } catch (SMTPConnectionClosedException e) {
            return CheckResult.down(closed(probe.phase(), smtp));
        }
    }

    private static CheckResult hello(SocketProbe probe, SMTPClient smtp) throws IOException {
        String name = addressLiteral(smtp.getLocalAddress());
        probe.phase("SMTP EHLO");
        smtp.setSoTimeout(probe.remainingMillis());
        if (SMTPReply.isPositiveCompletion(smtp.sendCommand(SMTPCommand.EHLO, name))) {
            return CheckResult.up("EHLO " + smtp.getReplyCode());
        }
        probe.phase("SMTP HELO");
        smtp.setSoTimeout(probe.remainingMillis());
        if (SMTPReply.isPositiveCompletion(smtp.helo(name))) {
            return CheckResult.up("HELO " + smtp.getReplyCode());
        }
        return CheckResult.down("SMTP HELO " + ServerText.excerpt(smtp.getReplyString()));
    }

    /** Says goodbye; the verdict is already made, so a missing or odd answer is ignored. */
    private static void quit(SocketProbe probe, SMTPClient smtp) {
        try {
            probe.phase("SMTP QUIT");
            smtp.setSoTimeout(probe.remainingMillis());
            smtp.quit();
        } catch (IOException ignored) {
            // The server already passed; its manners at QUIT do not change that.
        }
    }

    /** A 421 reply closes the connection in Commons Net; report its text, else the bare close. */
    private static String closed(String phase, SMTPClient smtp) {
        String reply = smtp.getReplyString();
        if (smtp.getReplyCode() == SMTPReply.SERVICE_NOT_AVAILABLE && reply != null && !reply.isBlank()) {
            return phase + " " + ServerText.excerpt(reply);
        }
        return phase + ": connection closed by server";
    }

    /** RFC 5321 address literal for EHLO/HELO when the client has no name of its own. */
    static String addressLiteral(InetAddress local) {
        String text = local.getHostAddress();
        int scope = text.indexOf('%');
        if (scope >= 0) {
            text = text.substring(0, scope);
        }
        return local instanceof Inet6Address ? "[IPv6:" + text + "]" : "[" + text + "]";
    }
}
