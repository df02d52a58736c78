package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.check.spec.RadiusSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.config.ServiceKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RadiusCheck against an in-process UDP responder that answers well, wrongly, too much or not at all. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RadiusCheckTest {

    private static final Duration SHORT = Duration.ofMillis(700);
    private static final String SECRET = "testing123";

    private final CheckRunner runner = new CheckRunner();

    private CheckResult check(Responder server, String password, Duration timeout) {
        Probes spec = Probes.negotiate(ServiceKind.RADIUS, server.address(), server.port())
                .login("bob", password)
                .secret(SECRET)
                .timeout(timeout)
                .maxReceive(1000);
        return runner.run(new RadiusCheck(RadiusSpec.of(spec.build())));
    }

    private CheckResult check(Responder server, String password) {
        return check(server, password, SHORT);
    }

    @ParameterizedTest
    @MethodSource("io.jdirectord.check.testing.Loopback#both")
    void passesAnAccessAcceptAndNamesTheNasByItsAddress(InetAddress address) throws IOException {
        try (Responder server = new Responder(address, Responder::checkPassword)) {
            assertThat(check(server, "s3cret"))
                    .extracting(CheckResult::up, CheckResult::reason)
                    .containsExactly(true, "RADIUS Access-Accept");
            byte[] request = server.requests().get(0);
            int nasType = address.equals(Loopback.V4) ? RadiusPacket.NAS_IP_ADDRESS : RadiusPacket.NAS_IPV6_ADDRESS;
            assertThat(Responder.attribute(request, nasType)).contains(address.getAddress());
        }
    }

    @Test
    void failsOnAnAccessRejectQuotingItsReplyMessage() throws IOException {
        try (Responder server = new Responder(Loopback.V4, Responder::checkPassword)) {
            assertThat(check(server, "wrong").reason()).isEqualTo("RADIUS Access-Reject: 'Wrong password'");
        }
        try (Responder server = new Responder(
                Loopback.V4,
                (request, count) ->
                        List.of(reply(request, RadiusPacket.ACCESS_REJECT, SECRET, Optional.empty(), false)))) {
            assertThat(check(server, "wrong").reason()).isEqualTo("RADIUS Access-Reject");
        }
    }

    @Test
    void verifiesAMessageAuthenticatorInTheAnswer() throws IOException {
        try (Responder server = new Responder(
                Loopback.V4,
                (request, count) ->
                        List.of(reply(request, RadiusPacket.ACCESS_ACCEPT, SECRET, Optional.empty(), true)))) {
            assertThat(check(server, "s3cret").up()).isTrue();
        }
        try (Responder server = new Responder(Loopback.V4, (request, count) -> {
            byte[] forged = reply(request, RadiusPacket.ACCESS_ACCEPT, SECRET, Optional.empty(), true);
            forged[22] ^= 1;
            return List.of(withResponseAuthenticator(forged, request, SECRET));
        })) {
            assertThat(check(server, "s3cret").reason())
                    .isEqualTo("RADIUS: no verified answer within 700 ms"
                            + " to 1 request; 1 reply ignored, last: Message-Authenticator does not verify");
        }
    }

    @Test
    void ignoresAnswersUnderAnotherSecret() throws IOException {
        try (Responder server = new Responder(
                Loopback.V6,
                (request, count) ->
                        List.of(reply(request, RadiusPacket.ACCESS_ACCEPT, "other", Optional.empty(), false)))) {
            assertThat(check(server, "s3cret").reason())
                    .isEqualTo(
                            "RADIUS: no verified answer within 700 ms"
                                    + " to 1 request; 1 reply ignored, last: Response Authenticator does not verify (wrong secret?)");
        }
    }

    @Test
    void ignoresGarbageAndAnswersToOtherRequests() throws IOException {
        try (Responder server = new Responder(Loopback.V4, (request, count) -> {
            byte[] otherId = reply(request, RadiusPacket.ACCESS_ACCEPT, SECRET, Optional.empty(), false);
            otherId[1]++;
            return List.of(
                    "garbage".getBytes(StandardCharsets.US_ASCII),
                    otherId,
                    reply(request, RadiusPacket.ACCESS_ACCEPT, SECRET, Optional.empty(), false));
        })) {
            assertThat(check(server, "s3cret").up()).isTrue();
        }
    }

    @Test
    void retransmitsTheSamePacketUntilAnswered() throws IOException {
        try (Responder server = new Responder(
                Loopback.V4,
                (request, count) -> count < 2
                        ? List.of()
                        : List.of(reply(request, RadiusPacket.ACCESS_ACCEPT, SECRET, Optional.empty(), false)))) {
            assertThat(check(server, "s3cret", Duration.ofSeconds(5)).up()).isTrue();
            assertThat(server.requests()).hasSize(2);
            assertThat(server.requests().get(1)).isEqualTo(server.requests().get(0));
        }
    }

    @Test
    void failsWhenNothingAnswersByTheDeadline() throws IOException {
        try (Responder server = new Responder(Loopback.V6, (request, count) -> List.of())) {
            assertThat(check(server, "s3cret").reason())
                    .isEqualTo("RADIUS: no answer within 700 ms to 1 request"
                            + " (wrong secret or not a client of the server?)");
        }
    }

    @ParameterizedTest
    @MethodSource("io.jdirectord.check.testing.Loopback#both")
    void failsAtOnceWhenThePortIsUnreachable(InetAddress address) throws IOException {
        int port;
        try (DatagramSocket closed = new DatagramSocket(new InetSocketAddress(address, 0))) {
            port = closed.getLocalPort();
        }
        Probes spec = Probes.negotiate(ServiceKind.RADIUS, address, port)
                .login("bob", "pw")
                .secret(SECRET)
                .timeout(Duration.ofSeconds(20));
        assertThat(runner.run(new RadiusCheck(RadiusSpec.of(spec.build()))).reason())
                .isEqualTo("RADIUS: port unreachable (nothing listens on UDP port " + port + ")");
    }

    @Test
    void stopsReadingAFloodAtTheReceiveBound() throws IOException {
        byte[] junk = new byte[100];
        try (Responder server =
                new Responder(Loopback.V4, (request, count) -> java.util.Collections.nCopies(30, junk))) {
            CheckResult result = check(server, "s3cret", Duration.ofSeconds(20));
            assertThat(result.reason())
                    .isEqualTo("RADIUS: 1000 B received without a verified answer; 10 replies"
                            + " ignored, last: RADIUS length 0 does not fit a 100-byte datagram");
        }
    }

    @Test
    void failsOnAnAccessChallenge() throws IOException {
        try (Responder server = new Responder(
                Loopback.V4,
                (request, count) ->
                        List.of(reply(request, RadiusPacket.ACCESS_CHALLENGE, SECRET, Optional.of("OTP?"), false)))) {
            assertThat(check(server, "s3cret").reason())
                    .isEqualTo("RADIUS Access-Challenge (more than a password is asked for): 'OTP?'");
        }
    }

    @Test
    void refusesAPasswordRadiusCannotCarry() {
        Probes spec = Probes.negotiate(ServiceKind.RADIUS, Loopback.V4, 1812).login("bob", "x".repeat(129));
        assertThatThrownBy(() -> new RadiusCheck(RadiusSpec.of(spec.build())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A response to {@code request}: Message-Authenticator first when asked for, then Reply-Message. */
    static byte[] reply(
            byte[] request, int code, String secret, Optional<String> message, boolean messageAuthenticator) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(code);
        packet.write(request[1]);
        packet.writeBytes(new byte[2]);
        packet.write(request, 4, 16);
        if (messageAuthenticator) {
            packet.write(RadiusPacket.MESSAGE_AUTHENTICATOR);
            packet.write(18);
            packet.writeBytes(new byte[16]);
        }
        message.ifPresent(text -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            packet.write(RadiusPacket.REPLY_MESSAGE);
            packet.write(bytes.length + 2);
            packet.writeBytes(bytes);
        });
        byte[] bytes = packet.toByteArray();
        bytes[2] = (byte) (bytes.length >> 8);
        bytes[3] = (byte) bytes.length;
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (messageAuthenticator) {
            System.arraycopy(RadiusPacket.messageAuthenticator(bytes, key), 0, bytes, 22, 16);
        }
        return withResponseAuthenticator(bytes, request, secret);
    }

    private static byte[] withResponseAuthenticator(byte[] reply, byte[] request, String secret) {
        byte[] signed = reply.clone();
        byte[] authenticator = RadiusReply.responseAuthenticator(
                reply, Arrays.copyOfRange(request, 4, 20), secret.getBytes(StandardCharsets.UTF_8));
        System.arraycopy(authenticator, 0, signed, 4, 16);
        return signed;
    }

    /** A UDP server on a loopback address that records each request and sends what {@link Answer} says. */
    static final class Responder implements AutoCloseable {

        /** The datagrams to send back to the {@code count}-th request (1 for the first). */
        interface Answer {
            List<byte[]> to(byte[] request, int count);
        }

        private final DatagramSocket socket;
        private final Answer answer;
        private final List<byte[]> requests = new CopyOnWriteArrayList<>();

        Responder(InetAddress address, Answer answer) throws IOException {
            this.socket = new DatagramSocket(new InetSocketAddress(address, 0));
            this.answer = answer;
            Thread.ofVirtual().name("radius-responder").start(this::serve);
        }

        private void serve() {
            byte[] buffer = new byte[4096];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    byte[] request = Arrays.copyOf(packet.getData(), packet.getLength());
                    requests.add(request);
                    for (byte[] reply : answer.to(request, requests.size())) {
                        socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }

        /** Accepts password s3cret, rejects anything else with a Reply-Message. */
        static List<byte[]> checkPassword(byte[] request, int count) {
            byte[] hidden = attribute(request, RadiusPacket.USER_PASSWORD).orElseThrow();
            byte[] mask = RadiusPacket.md5(SECRET.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(request, 4, 20));
            byte[] clear = new byte[16];
            for (int i = 0; i < 16; i++) {
                clear[i] = (byte) (hidden[i] ^ mask[i]);
            }
            boolean right = Arrays.equals(clear, Arrays.copyOf("s3cret".getBytes(StandardCharsets.US_ASCII), 16));
            return List.of(
                    right
                            ? reply(request, RadiusPacket.ACCESS_ACCEPT, SECRET, Optional.empty(), false)
                            : reply(request, RadiusPacket.ACCESS_REJECT, SECRET, Optional.of("Wrong password"), false));
        }

        /** The value of the first attribute of {@code type} in {@code packet}. */
        static Optional<byte[]> attribute(byte[] packet, int type) {
            for (int at = 20; at + 1 < packet.length; at += packet[at + 1] & 0xff) {
                if ((packet[at] & 0xff) == type) {
                    return Optional.of(Arrays.copyOfRange(packet, at + 2, at + (packet[at + 1] & 0xff)));
                }
            }
            return Optional.empty();
        }

        InetAddress address() {
            return socket.getLocalAddress();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<byte[]> requests() {
            return List.copyOf(requests);
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
