package io.jdirectord.check;

import static io.jdirectord.check.testing.H2Frames.CONTINUATION;
import static io.jdirectord.check.testing.H2Frames.DATA;
import static io.jdirectord.check.testing.H2Frames.END_HEADERS;
import static io.jdirectord.check.testing.H2Frames.END_STREAM;
import static io.jdirectord.check.testing.H2Frames.HEADERS;
import static io.jdirectord.check.testing.H2Frames.RST_STREAM;
import static io.jdirectord.check.testing.H2Frames.block;
import static io.jdirectord.check.testing.H2Frames.concat;
import static io.jdirectord.check.testing.H2Frames.frame;
import static io.jdirectord.check.testing.H2Frames.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.GrpcSpec;
import io.jdirectord.check.spec.HttpSpec;
import io.jdirectord.check.testing.H2Frames;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.check.testing.ScriptedServer.Script;
import io.jdirectord.check.testing.Scripts;
import io.jdirectord.config.HttpVersion;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.testing.Slack;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP/2 and gRPC checks (h2c) against scripted servers that write HTTP/2 frames by hand: good replies,
 * servers that do not speak HTTP/2, resets, floods, endless header blocks, trickles and silence.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Http2CheckHostileServerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** For servers that answer at once: the check must judge them well before this deadline, even on a loaded host. */
    private static final Duration AMPLE = Duration.ofSeconds(10);

    private static final byte[] OK_HEADERS = frame(HEADERS, END_HEADERS, 1, block(":status", "200"));
    private static final byte[] GRPC_HEADERS =
            frame(HEADERS, END_HEADERS, 1, block(":status", "200", "content-type", "application/grpc"));

    private final CheckRunner runner = new CheckRunner();
    private final TlsContexts clients = new TlsContexts();

    private static Probes h2(InetAddress address, int port) {
        return Probes.to(address, port)
                .service(ServiceKind.HTTP)
                .httpVersion(HttpVersion.HTTP_2)
                .receive("OK")
                .timeouts(Duration.ofSeconds(30), TIMEOUT);
    }

    private CheckResult http(Probes probe) {
        return runner.run(new Http2Check(HttpSpec.of(probe.build()), clients));
    }

    private CheckResult grpc(InetAddress address, int port) {
        Probes probe = Probes.to(address, port).service(ServiceKind.GRPC).timeouts(Duration.ofSeconds(30), AMPLE);
        return runner.run(new GrpcCheck(GrpcSpec.of(probe.build()), clients));
    }

    static List<Arguments> quickReplies() {
        byte[] rst = frame(RST_STREAM, 0, 1, ByteBuffer.allocate(4).putInt(7).array());
        byte[] continuation = frame(CONTINUATION, 0, 1, new byte[16 * 1024]);
        List<Arguments> cases = new ArrayList<>();
        for (InetAddress address : Loopback.both()) {
            cases.add(Arguments.of(
                    address,
                    "a good reply",
                    H2Frames.answer(concat(settings(), OK_HEADERS, frame(DATA, END_STREAM, 1, ascii("all OK")))),
                    true,
                    "HTTP 200, receive pattern 'OK' found"));
            cases.add(Arguments.of(
                    address,
                    "an HTTP/1.1 server",
                    H2Frames.answer(ascii("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")),
                    false,
                    "does not speak HTTP/2: answered the HTTP/2 preface with 'HTTP/1.1 400 Bad Request'"));
            cases.add(Arguments.of(
                    address,
                    "a first frame that is not SETTINGS",
                    H2Frames.answer(OK_HEADERS),
                    false,
                    "does not speak HTTP/2: its first frame is HEADERS, not SETTINGS"));
            cases.add(Arguments.of(
                    address,
                    "a SETTINGS flood",
                    H2Frames.endless(settings(), settings()),
                    false,
                    "HTTP/2 server sent more than 1000 frames (SETTINGS, PING, ...) and not the response: cut off"));
            cases.add(Arguments.of(
                    address,
                    "a stream reset",
                    H2Frames.answer(concat(settings(), rst)),
                    false,
                    "the server reset the HTTP/2 stream (RST_STREAM REFUSED_STREAM)"));
            cases.add(Arguments.of(
                    address,
                    "an endless CONTINUATION stream",
                    H2Frames.endless(concat(settings(), frame(HEADERS, 0, 1, block(":status", "200"))), continuation),
                    false,
                    "HTTP/2 header block longer than 64.0 KiB: cut off"));
            cases.add(Arguments.of(
                    address,
                    "a header block that inflates past the bound",
                    H2Frames.answer(concat(
                            settings(),
                            frame(HEADERS, END_HEADERS, 1, H2Frames.inflating("x-pad", "p".repeat(3000), 30)))),
                    false,
                    "HTTP/2 header block rejected: Maximum header list size exceeded (at most 64.0 KiB)"));
            cases.add(Arguments.of(
                    address,
                    "an oversized frame",
                    H2Frames.answer(concat(settings(), OK_HEADERS, frame(DATA, 0, 1, new byte[20_000]))),
                    false,
                    "HTTP/2 protocol error: Frame size exceeds maximum (frames of at most 16.0 KiB are accepted)"));
            cases.add(Arguments.of(
                    address,
                    "an endless body",
                    H2Frames.endless(concat(settings(), OK_HEADERS), frame(DATA, 0, 1, new byte[16 * 1024])),
                    false,
                    "HTTP 200 but receive pattern 'OK' not found in the first 64.0 KiB (body truncated)"));
        }
        return cases;
    }

    @ParameterizedTest(name = "{1} over {0}")
    @MethodSource("quickReplies")
    void judgesWhatTheServerSends(InetAddress address, String name, Script script, boolean up, String reason)
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, script)) {
            CheckResult result = http(h2(address, server.port()).timeouts(Duration.ofSeconds(30), AMPLE));
            assertThat(result.reason()).isEqualTo(reason);
            assertThat(result.up()).isEqualTo(up);
            assertThat(result.elapsed())
                    .as("judged without waiting for the deadline")
                    .isLessThan(AMPLE);
        }
    }

    static List<Arguments> slowServers() {
        byte[] dataHeader = frame(DATA, 0, 1, new byte[0]);
        dataHeader[2] = 100;
        List<Arguments> cases = new ArrayList<>();
        for (InetAddress address : Loopback.both()) {
            cases.add(Arguments.of(address, "silence", Scripts.silent(), "waiting for the server's HTTP/2 SETTINGS"));
            cases.add(Arguments.of(
                    address,
                    "a trickled DATA frame",
                    H2Frames.trickle(concat(settings(), OK_HEADERS, dataHeader), (byte) 'x', Duration.ofMillis(50)),
                    "waiting for the HTTP/2 response"));
        }
        return cases;
    }

    @ParameterizedTest(name = "{1} over {0}")
    @MethodSource("slowServers")
    void cutsTheExchangeAtTheDeadline(InetAddress address, String name, Script script, String waitingFor)
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, script)) {
            CheckResult result = http(h2(address, server.port()));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).isEqualTo("timeout after 1500 ms " + waitingFor);
            assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        }
    }

    static List<Arguments> grpcReplies() {
        byte[] serving = frame(DATA, 0, 1, new byte[] {0, 0, 0, 0, 2, 8, 1});
        byte[] ok = frame(HEADERS, END_HEADERS | END_STREAM, 1, block("grpc-status", "0"));
        List<Arguments> cases = new ArrayList<>();
        for (InetAddress address : Loopback.both()) {
            cases.add(Arguments.of(
                    address, "SERVING", concat(settings(), GRPC_HEADERS, serving, ok), true, "gRPC health SERVING"));
            cases.add(Arguments.of(
                    address,
                    "no grpc-status",
                    concat(settings(), GRPC_HEADERS, frame(DATA, END_STREAM, 1, new byte[] {0, 0, 0, 0, 2, 8, 1})),
                    false,
                    "no grpc-status in the reply"));
            cases.add(Arguments.of(
                    address,
                    "a web page",
                    concat(
                            settings(),
                            frame(
                                    HEADERS,
                                    END_HEADERS | END_STREAM,
                                    1,
                                    block(":status", "200", "content-type", "text/html"))),
                    false,
                    "content-type 'text/html' (application/grpc expected)"));
            cases.add(Arguments.of(
                    address,
                    "a 404",
                    concat(settings(), frame(HEADERS, END_HEADERS | END_STREAM, 1, block(":status", "404"))),
                    false,
                    "HTTP 404 from the gRPC endpoint (200 expected)"));
            cases.add(Arguments.of(
                    address,
                    "an error status only",
                    concat(
                            settings(),
                            frame(
                                    HEADERS,
                                    END_HEADERS | END_STREAM,
                                    1,
                                    block(
                                            ":status",
                                            "200",
                                            "content-type",
                                            "application/grpc",
                                            "grpc-status",
                                            "14",
                                            "grpc-message",
                                            "backend%20down"))),
                    false,
                    "gRPC status UNAVAILABLE (14): backend down"));
        }
        return cases;
    }

    @ParameterizedTest(name = "{1} over {0}")
    @MethodSource("grpcReplies")
    void judgesTheGrpcHealthReply(InetAddress address, String name, byte[] reply, boolean up, String reason)
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, H2Frames.answer(reply))) {
            CheckResult result = grpc(address, server.port());
            assertThat(result.reason()).isEqualTo(reason);
            assertThat(result.up()).isEqualTo(up);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
