package io.jdirectord.check;

import io.jdirectord.check.spec.RadiusSpec;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * service = radius, as ldirectord's check_radius: an Access-Request for login and passwd under the
 * shared secret, over UDP to the check port; up on an Access-Accept, down on an Access-Reject or anything
 * else. The same packet (same identifier and authenticator) is sent again after 1 s, then 2 s, 4 s, ...
 * until an answer verifies or the deadline passes; datagrams that do not verify are ignored. At most
 * maxReceiveBytes are read. Whole-probe timeout: negotiatetimeout.
 */
public final class RadiusCheck implements Check {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration FIRST_RETRANSMIT = Duration.ofSeconds(1);

    private final InetSocketAddress target;
    private final String user;
    private final String password;
    private final byte[] secret;
    private final int maxReceiveBytes;
    private final Duration timeout;

    /** @throws IllegalArgumentException when the login is over 253 or the password over 128 bytes */
    public RadiusCheck(RadiusSpec spec) {
        this.target = spec.probe().target();
        this.user = spec.login();
        this.password = spec.passwd();
        this.secret = spec.secret().getBytes(StandardCharsets.UTF_8);
        this.maxReceiveBytes = spec.probe().maxReceiveBytes();
        this.timeout = spec.probe().timeout();
        // A login or password that RADIUS cannot carry fails here, when the configuration is loaded.
        RadiusPacket.accessRequest(
                0,
                new byte[RadiusPacket.AUTHENTICATOR_BYTES],
                user,
                password,
                secret,
                spec.probe().address());
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public CheckResult run(Deadline deadline) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(target);
            byte[] authenticator = new byte[RadiusPacket.AUTHENTICATOR_BYTES];
            RANDOM.nextBytes(authenticator);
            byte[] request = RadiusPacket.accessRequest(
                    RANDOM.nextInt(256), authenticator, user, password, secret, socket.getLocalAddress());
            return new Exchange(socket, request).run(deadline);
        } catch (PortUnreachableException e) {
            return CheckResult.down("RADIUS: port unreachable (nothing listens on UDP port " + target.getPort() + ")");
        } catch (IOException e) {
            return CheckResult.down("RADIUS: " + Reasons.exchangeFailure(e, false, timeout, "an answer"));
        }
    }

    private static CheckResult judge(RadiusReply reply) {
        String message = reply.replyMessage()
                .map(text -> ": '" + Reasons.excerpt(text) + "'")
                .orElse("");
        return switch (reply.code()) {
            case RadiusPacket.ACCESS_ACCEPT -> CheckResult.up("RADIUS Access-Accept" + message);
            case RadiusPacket.ACCESS_REJECT -> CheckResult.down("RADIUS Access-Reject" + message);
            case RadiusPacket.ACCESS_CHALLENGE ->
                CheckResult.down("RADIUS Access-Challenge (more than a password" + " is asked for)" + message);
            default -> CheckResult.down("RADIUS answer with code " + reply.code() + message);
        };
    }

    /** One request sent until a verified answer comes, with what was received on the way. */
    private final class Exchange {
        private final DatagramSocket socket;
        private final byte[] request;
        private final byte[] buffer = new byte[Math.min(RadiusPacket.MAX_BYTES, Math.max(1, maxReceiveBytes))];
        private int sent;
        private long received;
        private int ignored;
        private String lastProblem = "";

        Exchange(DatagramSocket socket, byte[] request) {
            this.socket = socket;
            this.request = request;
        }

        CheckResult run(Deadline deadline) throws IOException {
            long wait = FIRST_RETRANSMIT.toNanos();
            long nextSend = System.nanoTime();
            while (!deadline.expired()) {
                if (System.nanoTime() - nextSend >= 0) {
                    socket.send(new DatagramPacket(request, request.length));
                    sent++;
                    nextSend = System.nanoTime() + wait;
                    wait *= 2;
                }
                CheckResult answer = receive(nextSend - deadline.nanoTime() < 0 ? new Deadline(nextSend) : deadline);
                if (answer != null) {
                    return answer;
                }
            }
            return noAnswer();
        }

        /** A result once a verified answer came or the receive bound is reached; null to go on. */
        private CheckResult receive(Deadline until) throws IOException {
            socket.setSoTimeout(until.remainingMillis());
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            received += packet.getLength();
            try {
                return judge(RadiusReply.verify(packet.getData(), packet.getLength(), request, secret));
            } catch (RadiusReply.Unverified e) {
                ignored++;
                lastProblem = e.getMessage();
            }
            return received >= maxReceiveBytes
                    ? CheckResult.down("RADIUS: " + Reasons.size(received) + " received without a verified answer; "
                            + ignoredReplies())
                    : null;
        }

        /** Servers drop requests from unknown clients and, with a Message-Authenticator, under a wrong secret. */
        private CheckResult noAnswer() {
            String after =
                    " within " + Reasons.millis(timeout) + " to " + sent + (sent == 1 ? " request" : " requests");
            return CheckResult.down(
                    ignored == 0
                            ? "RADIUS: no answer" + after + " (wrong secret or not a client of the" + " server?)"
                            : "RADIUS: no verified answer" + after + "; " + ignoredReplies());
        }

        private String ignoredReplies() {
            String hint = lastProblem.equals(RadiusReply.BAD_RESPONSE_AUTHENTICATOR) ? " (wrong secret?)" : "";
            return ignored + (ignored == 1 ? " reply" : " replies") + " ignored, last: " + lastProblem + hint;
        }
    }
}
