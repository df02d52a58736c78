package io.jdirectord.check;

import io.jdirectord.check.spec.Probe;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
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
public final class SmtpCheck extends ConversationCheck {

    private static final String GREETING = "SMTP greeting";

    public SmtpCheck(Probe probe) {
        super(probe);
    }

    @Override
    CheckResult converse(SocketProbe probe) throws IOException {
        SMTPClient smtp = new SMTPClient();
        probe.connectingWith(smtp, GREETING);
        try {
            smtp.connect(address, port);
            if (!SMTPReply.isPositiveCompletion(smtp.getReplyCode())) {
                return CheckResult.down(GREETING + " " + Reasons.serverLine(smtp.getReplyString()));
            }
            String greeting = Reasons.serverLine(smtp.getReplyString());
            CheckResult result = hello(probe, smtp);
            if (result.up()) {
                probe.sayGoodbye("SMTP QUIT", smtp, smtp::quit);
                return CheckResult.up(greeting + "; " + result.reason());
            }
            return result;
        } catch (SMTPConnectionClosedException e) {
            return CheckResult.down(Reasons.closedByServer(probe.phase(), smtp.getReplyCode(), smtp.getReplyString()));
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
        return CheckResult.down("SMTP HELO " + Reasons.serverLine(smtp.getReplyString()));
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
