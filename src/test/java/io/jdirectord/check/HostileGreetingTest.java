package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.FtpSpec;
import io.jdirectord.check.spec.MailboxSpec;
import io.jdirectord.check.spec.Probe;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.testing.Slack;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The greeting-first checks (ftp, smtp, pop, imap) meet a refused port or a hostile greeting alike. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileGreetingTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration SHORT = Duration.ofMillis(700);

    /**
     * One protocol: its check, the phase named while waiting for the greeting, and how a good greeting
     * starts.
     */
    record Protocol(ServiceKind service, Function<ProbeSpec, Check> check, String phase, String greetingStart) {
        @Override
        public String toString() {
            return service.toString();
        }
    }

    static Stream<Protocol> protocols() {
        return Stream.of(
                new Protocol(ServiceKind.FTP, spec -> new FtpCheck(FtpSpec.of(spec)), "FTP greeting", "220-"),
                new Protocol(ServiceKind.SMTP, spec -> new SmtpCheck(Probe.negotiate(spec)), "SMTP greeting", "220-"),
                new Protocol(
                        ServiceKind.POP,
                        spec -> new PopCheck(MailboxSpec.of(spec), new TlsContexts()),
                        "POP3 greeting",
                        "+OK "),
                new Protocol(
                        ServiceKind.IMAP,
                        spec -> new ImapCheck(MailboxSpec.of(spec), new TlsContexts()),
                        "IMAP greeting",
                        "* OK "));
    }

    private final CheckRunner runner = new CheckRunner();

    private CheckResult check(Protocol protocol, int port, Duration timeout) {
        return runner.run(protocol.check()
                .apply(Probes.negotiate(protocol.service(), LOOPBACK, port)
                        .timeout(timeout)
                        .build()));
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void failsWhenTheConnectionIsRefused(Protocol protocol) throws Exception {
        CheckResult result = check(protocol, ScriptedServer.refusedPort(LOOPBACK), SHORT);
        assertThat(result)
                .extracting(CheckResult::up, CheckResult::reason)
                .containsExactly(false, "connection refused");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void givesUpOnASilentServerAtTheDeadline(Protocol protocol) throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, ScriptedServer.Connection::stayQuiet)) {
            CheckResult result = check(protocol, server.port(), SHORT);
            assertThat(result.reason()).isEqualTo(protocol.phase() + ": timeout after 700 ms");
            assertThat(result.elapsed()).isLessThan(Slack.after(SHORT));
        }
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void failsOnGarbage(Protocol protocol) throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(LOOPBACK, client -> {
            client.sendGarbage(300);
            client.stayQuiet();
        })) {
            CheckResult result = check(protocol, server.port(), SHORT);
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).startsWith(protocol.phase() + ": malformed reply: ");
            assertThat(result.elapsed()).isLessThan(Slack.after(SHORT));
        }
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void cutsOffATrickleAtTheDeadline(Protocol protocol) throws Exception {
        String greeting = protocol.greetingStart() + "slow ".repeat(100) + "\r\n";
        try (ScriptedServer server =
                ScriptedServer.conversation(LOOPBACK, client -> client.trickle(greeting, Duration.ofMillis(50)))) {
            CheckResult result = check(protocol, server.port(), SHORT);
            assertThat(result.reason()).isEqualTo(protocol.phase() + ": timeout after 700 ms");
            assertThat(result.elapsed()).isLessThan(Slack.after(SHORT));
        }
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void stopsReadingAnEndlessGreetingAtTheReceiveBound(Protocol protocol) throws Exception {
        try (ScriptedServer server = ScriptedServer.conversation(
                LOOPBACK, client -> client.sendForever(protocol.greetingStart() + "xxxxxxx"))) {
            CheckResult result = check(protocol, server.port(), Duration.ofSeconds(10));
            assertThat(result.reason()).isEqualTo(protocol.phase() + ": more than 64 KiB received");
        }
    }
}
