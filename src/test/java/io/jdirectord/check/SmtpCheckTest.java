package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.ServerSetup;
import io.jdirectord.check.spec.Probe;
import io.jdirectord.check.testing.MailServer;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.config.ServiceKind;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SmtpCheckTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration SHORT = Duration.ofMillis(700);

    private final CheckRunner runner = new CheckRunner();

    private CheckResult check(InetAddress address, int port, Duration timeout) {
        return runner.run(new SmtpCheck(Probe.negotiate(Probes.negotiate(ServiceKind.SMTP, address, port)
                .timeout(timeout)
                .build())));
    }

    private CheckResult check(ScriptedServer server) {
        return check(LOOPBACK, server.port(), SHORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void passesARealSmtpServer(String address) throws IOException {
        try (MailServer mail = MailServer.start(address, ServerSetup.PROTOCOL_SMTP, "secret")) {
            CheckResult result = check(InetAddress.getByName(address), mail.port(), Duration.ofSeconds(5));
            assertThat(result.up()).as(result.reason()).isTrue();
            assertThat(result.reason()).startsWith("220 ").contains("EHLO 250");
        }
    }

    @Test
    void fallsBackToHeloWhenEhloIsRefused() throws IOException {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, client -> {
            client.send("220 old.example SMTP\r\n");
            client.readLine();
            client.send("500 what?\r\n");
            client.readLine();
            client.send("250 old.example\r\n");
            client.replyToEveryLine("221 bye\r\n");
        })) {
            CheckResult result = check(server);
            assertThat(result.up()).as(result.reason()).isTrue();
            assertThat(result.reason()).isEqualTo("220 old.example SMTP; HELO 250");
            assertThat(server.received()).containsExactly("EHLO [127.0.0.1]", "HELO [127.0.0.1]", "QUIT");
        }
    }

    @Test
    void failsWhenHeloIsRefusedToo() throws IOException {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, client -> {
            client.send("220 picky.example\r\n");
            client.readLine();
            client.send("502 no EHLO\r\n");
            client.readLine();
            client.send("550 go away\r\n");
            client.stayQuiet();
        })) {
            CheckResult result = check(server);
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).isEqualTo("SMTP HELO 550 go away");
        }
    }

    @Test
    void failsOnARefusingGreeting() throws IOException {
        try (ScriptedServer server =
                ScriptedServer.conversation(LOOPBACK, client -> client.send("554 no service here\r\n"))) {
            CheckResult result = check(server);
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).isEqualTo("SMTP greeting 554 no service here");
        }
    }

    @Test
    void reportsTheTextOfA421Greeting() throws IOException {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, client -> client.send("421 too busy\r\n"))) {
            assertThat(check(server).reason()).isEqualTo("SMTP greeting 421 too busy");
        }
    }

    @Test
    void stopsReadingEndlessContinuationLinesAtTheReceiveBound() throws IOException {
        try (ScriptedServer server =
                ScriptedServer.conversation(LOOPBACK, client -> client.sendForever("220-more\r\n"))) {
            CheckResult result = check(LOOPBACK, server.port(), Duration.ofSeconds(10));
            assertThat(result.reason()).isEqualTo("SMTP greeting: more than 64 KiB received");
        }
    }
}
