package io.jdirectord.daemon.alert;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;

/** Sends alerts through an SMTP relay (the {@code smtp} directive), each step bounded by a timeout. */
public final class SmtpAlertMailer implements AlertMailer {

    private final String host;
    private final int port;
    private final Duration timeout;
    private final String heloName;

    /**
     * @param host     relay host name or address
     * @param port     relay port (25 as ldirectord)
     * @param timeout  connect and per-reply timeout
     * @param heloName the name given in HELO
     */
    public SmtpAlertMailer(String host, int port, Duration timeout, String heloName) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.heloName = heloName;
    }

    @Override
    public void send(Alert alert) throws IOException {
        SMTPClient client = new SMTPClient();
        client.setConnectTimeout((int) timeout.toMillis());
        client.setDefaultTimeout((int) timeout.toMillis());
        try {
            client.connect(host, port);
            expect(client, SMTPReply.isPositiveCompletion(client.getReplyCode()), "greeting");
            expect(client, client.login(heloName), "HELO");
            expect(client, client.setSender(alert.from()), "MAIL FROM");
            for (String recipient : alert.recipients()) {
                expect(client, client.addRecipient(recipient), "RCPT TO:<" + recipient + ">");
            }
            try (Writer writer = client.sendMessageData()) {
                expect(client, writer != null, "DATA");
                writer.write(MailText.message(alert));
            }
            expect(client, client.completePendingCommand(), "end of DATA");
            client.logout();
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
        }
    }

    private void expect(SMTPClient client, boolean ok, String step) throws IOException {
        if (!ok) {
            throw new IOException("SMTP " + host + ":" + port + " refused " + step + ": "
                    + client.getReplyString().trim());
        }
    }
}
