package io.jdirectord.check;

import static io.jdirectord.check.testing.FakeSipServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.SipSpec;
import io.jdirectord.check.testing.FakeSipServer;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.check.testing.Scripts;
import io.jdirectord.check.testing.Served;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.testing.Slack;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SipCheckTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final CheckRunner runner = new CheckRunner();

    static Stream<Arguments> transports() {
        return Stream.of(Protocol.UDP, Protocol.TCP)
                .flatMap(protocol -> Loopback.both().stream().map(address -> Arguments.of(protocol, address)));
    }

    static List<InetAddress> families() {
        return Loopback.both();
    }

    /** A fake SIP server over {@code protocol}; {@link Served#requests} lists what it received. */
    private static Served serve(Protocol protocol, InetAddress address, Function<String, List<String>> answer)
            throws IOException {
        return protocol == Protocol.UDP
                ? Served.udp(FakeSipServer.udp(address, answer))
                : Served.tcp(FakeSipServer.tcp(address, answer));
    }

    private static Probes sip(Protocol protocol, InetAddress address, int port) {
        return Probes.negotiate(ServiceKind.SIP, address, port)
                .protocol(protocol)
                .login("alive@example.test", "")
                .timeout(TIMEOUT);
    }

    private CheckResult run(Probes probe) {
        return runner.run(new SipCheck(SipSpec.of(probe.build())));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void upOnA200ToTheOptionsRequest(Protocol protocol, InetAddress address) throws Exception {
        try (Served server = serve(protocol, address, request -> List.of(reply(request, "200 OK")))) {
            CheckResult result = run(sip(protocol, address, server.port()));
            assertThat(result.reason()).isEqualTo("SIP 200 OK");
            assertThat(result.up()).isTrue();
            String request = server.requests().get().getFirst();
            assertThat(request)
                    .startsWith("OPTIONS sip:alive@example.test SIP/2.0\r\nVia: SIP/2.0/" + protocol.name() + " "
                            + Loopback.bracketed(address) + ":")
                    .endsWith("\r\n\r\n");
            assertThat(FakeSipServer.header(request, "Via")).containsPattern(";branch=z9hG4bK[0-9a-f]{24};rport$");
            assertThat(request)
                    .contains(
                            "\r\nMax-Forwards: 70\r\nTo: <sip:alive@example.test>\r\nFrom: "
                                    + "<sip:alive@example.test>;tag=",
                            "\r\nCSeq: 1 OPTIONS\r\nContact: <sip:alive@example.test>\r\n"
                                    + "Accept: application/sdp\r\nContent-Length: 0\r\n");
            assertThat(FakeSipServer.header(request, "Call-ID")).matches("[0-9a-f]{32}");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void downWithTheStatusOfAnotherFinalResponse(Protocol protocol, InetAddress address) throws Exception {
        try (Served server = serve(protocol, address, request -> List.of(reply(request, "404 Not Found")))) {
            CheckResult result = run(sip(protocol, address, server.port()));
            assertThat(result)
                    .extracting(CheckResult::up, CheckResult::reason)
                    .containsExactly(false, "SIP 404 Not Found");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void waitsPastProvisionalResponses(Protocol protocol, InetAddress address) throws Exception {
        try (Served server = serve(
                protocol,
                address,
                request -> List.of(
                        reply(request, "100 Trying", "Content-Length: 5", "", "hello"), reply(request, "200 OK")))) {
            assertThat(run(sip(protocol, address, server.port())).reason()).isEqualTo("SIP 200 OK");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void ignoresResponsesToAnotherRequest(Protocol protocol, InetAddress address) throws Exception {
        Function<String, List<String>> strays = request -> List.of(
                reply(request.replace(FakeSipServer.header(request, "Call-ID"), "other-call"), "500 Stray"),
                reply(request.replace("branch=z9hG4bK", "branch=z9hG4bKother"), "500 Stray"));
        try (Served server = serve(
                protocol,
                address,
                request -> Stream.concat(strays.apply(request).stream(), Stream.of(reply(request, "200 OK")))
                        .toList())) {
            assertThat(run(sip(protocol, address, server.port())).reason()).isEqualTo("SIP 200 OK");
        }
        try (Served server = serve(protocol, address, strays)) {
            assertThat(run(sip(protocol, address, server.port())).reason())
                    .isEqualTo("SIP timeout after 1500 ms waiting for a final response");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void downAtTheDeadlineWhenOnlyAProvisionalResponseComes(Protocol protocol, InetAddress address) throws Exception {
        try (Served server = serve(protocol, address, request -> List.of(reply(request, "180 Ringing")))) {
            CheckResult result = run(sip(protocol, address, server.port()));
            assertThat(result.reason())
                    .isEqualTo("SIP timeout after 1500 ms waiting for a final response" + " (after SIP 180 Ringing)");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void downAtTheDeadlineWhenTheServerNeverAnswers(Protocol protocol, InetAddress address) throws Exception {
        try (Served server = serve(protocol, address, request -> List.of())) {
            CheckResult result = run(sip(protocol, address, server.port()));
            assertThat(result.reason()).isEqualTo("SIP timeout after 1500 ms waiting for a final response");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void resendsTheSameRequestOverUdpUntilAnswered(InetAddress address) throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (Served server = serve(
                Protocol.UDP,
                address,
                request -> seen.incrementAndGet() < 3 ? List.of() : List.of(reply(request, "200 OK")))) {
            assertThat(run(sip(Protocol.UDP, address, server.port()).timeout(Duration.ofSeconds(5)))
                            .up())
                    .isTrue();
            assertThat(server.requests().get())
                    .hasSize(3)
                    .containsOnly(server.requests().get().getFirst());
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void asksForTheServerItselfWhenLoginIsEmpty(InetAddress address) throws Exception {
        try (Served server = serve(Protocol.UDP, address, request -> List.of(reply(request, "200 OK")))) {
            assertThat(run(sip(Protocol.UDP, address, server.port()).login("", ""))
                            .up())
                    .isTrue();
            assertThat(server.requests().get().getFirst())
                    .startsWith("OPTIONS sip:" + Loopback.bracketed(address) + ":" + server.port() + " SIP/2.0\r\n");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenNothingListens(InetAddress address) throws Exception {
        assertThat(run(sip(Protocol.UDP, address, Loopback.closedUdpPort(address)))
                        .reason())
                .isEqualTo("port unreachable");
        assertThat(run(sip(Protocol.TCP, address, Loopback.closedPort(address))).reason())
                .isEqualTo("connection refused");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void downWhenTheResponseIsNotSip(Protocol protocol, InetAddress address) throws Exception {
        try (Served server = serve(protocol, address, request -> List.of("HTTP/1.1 400 Bad Request\r\n\r\n"))) {
            assertThat(run(sip(protocol, address, server.port())).reason())
                    .isEqualTo("SIP: malformed response 'HTTP/1.1 400 Bad Request'");
        }
    }

    @Test
    void downWhenTheServerSendsGarbageAndClosesOverTcp() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Loopback.V4, Scripts.garbage(100))) {
            assertThat(run(sip(Protocol.TCP, Loopback.V4, server.port())).reason())
                    .startsWith("SIP: ");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downAtTheDeadlineWhenATcpResponseTrickles(InetAddress address) throws Exception {
        try (ScriptedServer server =
                ScriptedServer.start(address, Scripts.trickle("SIP/2.0 200 OK\r\n", 'x', Duration.ofMillis(100)))) {
            CheckResult result = run(sip(Protocol.TCP, address, server.port()));
            assertThat(result.reason()).isEqualTo("SIP timeout after 1500 ms waiting for a final response");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void stopsReadingAtTheReceiveBound(Protocol protocol, InetAddress address) throws Exception {
        String body = "x".repeat(2000);
        try (Served server = serve(
                protocol,
                address,
                request -> List.of(
                        reply(request, "100 Trying", "Content-Length: " + body.length(), "", body),
                        reply(request, "200 OK")))) {
            assertThat(run(sip(protocol, address, server.port()).maxReceive(1000))
                            .reason())
                    .isEqualTo("SIP: more than 1000 bytes received");
        }
    }

    @Test
    void understandsCompactHeaderNames() throws Exception {
        try (Served server = serve(
                Protocol.UDP,
                Loopback.V4,
                request -> List.of("SIP/2.0 200 OK\r\nv: "
                        + FakeSipServer.header(request, "Via") + "\r\ni: " + FakeSipServer.header(request, "Call-ID")
                        + "\r\nl: 0\r\n\r\n"))) {
            assertThat(run(sip(Protocol.UDP, Loopback.V4, server.port())).reason())
                    .isEqualTo("SIP 200 OK");
        }
    }
}
