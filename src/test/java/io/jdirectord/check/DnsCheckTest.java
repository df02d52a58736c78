package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.DnsSpec;
import io.jdirectord.check.testing.FakeDnsServer;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.check.testing.Scripts;
import io.jdirectord.check.testing.Served;
import io.jdirectord.check.testing.UdpResponder;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.testing.Slack;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DnsCheckTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final String NAME = "www.example.test";

    private final CheckRunner runner = new CheckRunner();
    private final List<Message> queries = new CopyOnWriteArrayList<>();

    static Stream<Arguments> transports() {
        return Stream.of(Protocol.UDP, Protocol.TCP)
                .flatMap(protocol -> Loopback.both().stream().map(address -> Arguments.of(protocol, address)));
    }

    static List<InetAddress> families() {
        return Loopback.both();
    }

    /** A fake DNS server over {@code protocol}; every query it gets is kept in {@link #queries}. */
    private Served serve(Protocol protocol, InetAddress address, Function<Message, List<byte[]>> answer)
            throws IOException {
        Function<Message, List<byte[]>> recording = query -> {
            queries.add(query);
            return answer.apply(query);
        };
        return protocol == Protocol.UDP
                ? Served.udp(FakeDnsServer.udp(address, 0, recording))
                : Served.tcp(FakeDnsServer.tcp(address, recording));
    }

    private static Probes dns(Protocol protocol, InetAddress address, int port) {
        return Probes.negotiate(ServiceKind.DNS, address, port)
                .protocol(protocol)
                .request("/" + NAME)
                .receive("^192\\.0\\.2\\.1$")
                .timeout(TIMEOUT);
    }

    private CheckResult run(Probes probe) {
        return runner.run(new DnsCheck(DnsSpec.of(probe.build())));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void upWhenAnARecordMatchesReceive(Protocol protocol, InetAddress address) throws Exception {
        try (Served server =
                serve(protocol, address, q -> List.of(FakeDnsServer.answer(q, "192.0.2.7", "192.0.2.1")))) {
            CheckResult result = run(dns(protocol, address, server.port()));
            assertThat(result.reason()).isEqualTo("DNS: www.example.test A 192.0.2.1 matched '^192\\.0\\.2\\.1$'");
            assertThat(result.up()).isTrue();
            assertThat(queries)
                    .singleElement()
                    .extracting(q -> q.getQuestion().toString())
                    .asString()
                    .contains("www.example.test.")
                    .contains("\tA");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void downWhenNoAnswerMatches(Protocol protocol, InetAddress address) throws Exception {
        try (Served server =
                serve(protocol, address, q -> List.of(FakeDnsServer.answer(q, "192.0.2.7", "192.0.2.8")))) {
            assertThat(run(dns(protocol, address, server.port())).reason())
                    .isEqualTo(
                            "DNS: no A record for www.example.test matched '^192\\.0\\.2\\.1$' (answer: 192.0.2.7, 192.0.2.8)");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void asksForAaaaWhenReceiveIsAnIpv6AddressAndMatchesItInCanonicalForm(InetAddress address) throws Exception {
        try (Served server =
                serve(Protocol.UDP, address, q -> List.of(FakeDnsServer.answer(q, "2001:db8:0:0:0:0:0:1")))) {
            CheckResult result = run(dns(Protocol.UDP, address, server.port()).receive("^2001:db8::1$"));
            assertThat(result.reason()).isEqualTo("DNS: www.example.test AAAA 2001:db8::1 matched '^2001:db8::1$'");
            assertThat(queries)
                    .singleElement()
                    .extracting(q -> q.getQuestion().getType())
                    .isEqualTo(28);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void asksForThePtrRecordWhenTheRequestIsAnAddress(InetAddress address) throws Exception {
        try (Served server = serve(Protocol.UDP, address, q -> List.of(FakeDnsServer.answer(q, "www.example.test.")))) {
            CheckResult result = run(dns(Protocol.UDP, address, server.port())
                    .request("/192.0.2.1")
                    .receive("^www\\.example\\.test$"));
            assertThat(result.reason())
                    .isEqualTo("DNS: 192.0.2.1 PTR www.example.test matched '^www\\.example\\.test$'");
            assertThat(queries)
                    .singleElement()
                    .extracting(q -> q.getQuestion().getName().toString())
                    .isEqualTo("1.2.0.192.in-addr.arpa.");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void downWithTheResponseCodeWhenTheServerAnswersAnError(Protocol protocol, InetAddress address) throws Exception {
        try (Served server = serve(protocol, address, q -> List.of(FakeDnsServer.rcode(q, Rcode.NXDOMAIN)))) {
            assertThat(run(dns(protocol, address, server.port())).reason())
                    .isEqualTo("DNS NXDOMAIN for www.example.test");
        }
        try (Served server = serve(protocol, address, q -> List.of(FakeDnsServer.rcode(q, Rcode.SERVFAIL)))) {
            assertThat(run(dns(protocol, address, server.port())).reason())
                    .isEqualTo("DNS SERVFAIL for www.example.test");
        }
    }

    @Test
    void downWhenTheAnswerIsEmpty() throws Exception {
        try (Served server = serve(Protocol.UDP, Loopback.V4, q -> List.of(FakeDnsServer.answer(q)))) {
            assertThat(run(dns(Protocol.UDP, Loopback.V4, server.port())).reason())
                    .isEqualTo("DNS: no A record for www.example.test matched '^192\\.0\\.2\\.1$' (answer: none)");
        }
    }

    @Test
    void downWithoutAQueryWhenReceiveIsEmpty() throws Exception {
        try (Served server = serve(Protocol.UDP, Loopback.V4, q -> List.of(FakeDnsServer.answer(q, "192.0.2.1")))) {
            CheckResult result =
                    run(dns(Protocol.UDP, Loopback.V4, server.port()).receive(""));
            assertThat(result.reason())
                    .isEqualTo("DNS: no receive set; service=dns needs the expected address or name");
            assertThat(queries).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenNothingListens(InetAddress address) throws Exception {
        assertThat(run(dns(Protocol.UDP, address, Loopback.closedUdpPort(address)))
                        .reason())
                .isEqualTo("port unreachable");
        assertThat(run(dns(Protocol.TCP, address, Loopback.closedPort(address))).reason())
                .isEqualTo("connection refused");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void downAtTheDeadlineWhenTheServerNeverAnswers(Protocol protocol, InetAddress address) throws Exception {
        try (Served server = serve(protocol, address, q -> List.of())) {
            CheckResult result = run(dns(protocol, address, server.port()));
            assertThat(result.reason()).isEqualTo("DNS timeout after 1500 ms waiting for the answer");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void resendsTheQueryOverUdpWhenNoAnswerComes(InetAddress address) throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (Served server = serve(
                Protocol.UDP,
                address,
                q -> seen.incrementAndGet() == 1 ? List.of() : List.of(FakeDnsServer.answer(q, "192.0.2.1")))) {
            assertThat(run(dns(Protocol.UDP, address, server.port()).timeout(Duration.ofSeconds(5)))
                            .up())
                    .isTrue();
            assertThat(queries)
                    .hasSize(2)
                    .extracting(q -> q.getHeader().getID())
                    .containsOnly(queries.get(0).getHeader().getID());
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void ignoresAUdpReplyToAnotherQuery(InetAddress address) throws Exception {
        try (Served server = serve(
                Protocol.UDP,
                address,
                q -> List.of(FakeDnsServer.withOtherId(q, "192.0.2.1"), FakeDnsServer.answer(q, "192.0.2.1")))) {
            assertThat(run(dns(Protocol.UDP, address, server.port())).up()).isTrue();
        }
        try (Served server = serve(Protocol.UDP, address, q -> List.of(FakeDnsServer.withOtherId(q, "192.0.2.1")))) {
            assertThat(run(dns(Protocol.UDP, address, server.port())).reason())
                    .matches(
                            "DNS timeout after 1500 ms waiting for the answer \\(\\d+ repl(y|ies) to another query ignored\\)");
        }
    }

    @Test
    void downWhenATcpReplyAnswersAnotherQuery() throws Exception {
        try (Served server =
                serve(Protocol.TCP, Loopback.V6, q -> List.of(FakeDnsServer.withOtherId(q, "192.0.2.1")))) {
            assertThat(run(dns(Protocol.TCP, Loopback.V6, server.port())).reason())
                    .startsWith("DNS: the reply over TCP does not answer the query (ID ");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void downWhenTheReplyIsGarbage(Protocol protocol, InetAddress address) throws Exception {
        try (Served server = serve(protocol, address, q -> List.of(new byte[] {1, 2, 3, 4, 5}))) {
            assertThat(run(dns(protocol, address, server.port())).reason()).startsWith("DNS: malformed reply (");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void asksAgainOverTcpWhenTheUdpReplyIsTruncated(InetAddress address) throws Exception {
        try (Served tcp = serve(Protocol.TCP, address, q -> List.of(FakeDnsServer.answer(q, "192.0.2.1")));
                UdpResponder udp = FakeDnsServer.udp(address, tcp.port(), q -> List.of(FakeDnsServer.truncated(q)))) {
            assertThat(run(dns(Protocol.UDP, address, udp.port())).up()).isTrue();
            assertThat(queries).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void refusesATcpReplyLongerThanTheReceiveBound(InetAddress address) throws Exception {
        try (ScriptedServer server =
                ScriptedServer.start(address, Scripts.sendAndHold("u0") /* length prefix 0x7530: 30,000 bytes */)) {
            assertThat(run(dns(Protocol.TCP, address, server.port()).maxReceive(1000))
                            .reason())
                    .isEqualTo("DNS: reply of 29.3 KiB over TCP refused: more than 1000 bytes (maxreceive)");
        }
    }

    @Test
    void refusesUdpRepliesLongerThanTheReceiveBound() throws Exception {
        try (Served server = serve(Protocol.UDP, Loopback.V4, q -> List.of(new byte[1200]))) {
            assertThat(run(dns(Protocol.UDP, Loopback.V4, server.port()).maxReceive(1000))
                            .reason())
                    .isEqualTo("DNS: more than 1000 bytes received");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downAtTheDeadlineWhenATcpReplyTrickles(InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(
                address, Scripts.trickle("\u0000@" /* length prefix 64 */, 'x', Duration.ofMillis(100)))) {
            CheckResult result = run(dns(Protocol.TCP, address, server.port()));
            assertThat(result.reason()).isEqualTo("DNS timeout after 1500 ms waiting for the answer");
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }
}
