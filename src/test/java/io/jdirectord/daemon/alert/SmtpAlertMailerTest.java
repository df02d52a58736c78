package io.jdirectord.daemon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SmtpAlertMailerTest {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Test
    void deliversTheAlertToEveryRecipient() throws Exception {
        int port = SMTP.getSmtp().getPort();
        Alert alert = new Alert(
                List.of("a@example.com", "b@example.com"),
                "lvs@example.com",
                "Deleted real server: 127.0.0.2:80 (192.0.2.10:80)",
                "Log-Message: x\n.dot line\n");
        new SmtpAlertMailer("127.0.0.1", port, Duration.ofSeconds(5), "director1").send(alert);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject()).isEqualTo("Deleted real server: 127.0.0.2:80 (192.0.2.10:80)");
        assertThat(GreenMailUtil.getBody(received[0])).contains(".dot line");
    }

    @Test
    void failsWithAReasonWhenTheRelayIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpAlertMailer mailer = new SmtpAlertMailer("127.0.0.1", closedPort, Duration.ofSeconds(2), "director1");
        assertThatThrownBy(() -> mailer.send(new Alert(List.of("a@example.com"), "x@example.com", "s", "b")))
                .isInstanceOf(IOException.class);
    }
}
