package io.jdirectord.check;

import static io.jdirectord.testing.EngineFixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.PingSpec;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.os.IcmpChannel;
import io.jdirectord.os.IcmpDatagram;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The attempt logic of {@link PingCheck} against a scripted ICMP channel; no packet leaves the process. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PingCheckTest {

    private static final InetAddress TARGET = ip("192.0.2.7");
    private static final InetAddress ROUTER = ip("198.51.100.1");
    private static final Duration ATTEMPT = Duration.ofMillis(150);

    private final CheckRunner runner = new CheckRunner();

    private static PingSpec spec(int attempts) {
        return PingSpec.of(
                Probes.ping(TARGET).timeout(ATTEMPT).checkCount(attempts).build());
    }

    /** An echo reply (ICMP message only, as a ping socket delivers it) to {@code request}. */
    private static IcmpDatagram reply(byte[] request) {
        byte[] reply = request.clone();
        reply[0] = 0;
        return new IcmpDatagram(reply, TARGET, Optional.empty());
    }

    private static IcmpDatagram unreachable(byte[] request) {
        return new IcmpDatagram(request, ROUTER, Optional.of(new IcmpDatagram.QueuedError(3, 1)));
    }

    /** A ping-socket channel that answers the n-th request (from 1) with what {@code answer} gives. */
    private static class ScriptedChannel implements IcmpChannel {
        private final BiFunction<Integer, byte[], List<IcmpDatagram>> answer;
        private final Deque<IcmpDatagram> pending = new ArrayDeque<>();
        private final List<byte[]> sent = new ArrayList<>();
        private boolean closed;

        ScriptedChannel(BiFunction<Integer, byte[], List<IcmpDatagram>> answer) {
            this.answer = answer;
        }

        @Override
        public boolean raw() {
            return false;
        }

        @Override
        public void send(InetAddress target, byte[] message) throws IOException {
            sent.add(message);
            pending.addAll(answer.apply(sent.size(), message));
        }

        @Override
        public Optional<IcmpDatagram> receive() {
            return Optional.ofNullable(pending.poll());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private CheckResult run(int attempts, ScriptedChannel channel) {
        return runner.run(new PingCheck(spec(attempts), ipv6 -> channel));
    }

    @Test
    void passesOnTheFirstEchoReply() {
        ScriptedChannel channel = new ScriptedChannel((n, request) -> List.of(reply(request)));
        CheckResult result = run(3, channel);
        assertThat(result.up()).as(result.reason()).isTrue();
        assertThat(result.reason()).startsWith("echo reply from 192.0.2.7 in ").endsWith(" ms");
        assertThat(channel.sent).hasSize(1);
        assertThat(channel.closed).isTrue();
    }

    @Test
    void triesCheckcountTimesEachWithCheckTimeout() {
        ScriptedChannel channel = new ScriptedChannel((n, request) -> List.of());
        CheckResult result = run(3, channel);
        assertThat(result)
                .extracting(CheckResult::up, CheckResult::reason)
                .containsExactly(false, "no echo reply within 150 ms (3 attempts)");
        assertThat(channel.sent).hasSize(3);
        assertThat(result.elapsed())
                .isGreaterThanOrEqualTo(ATTEMPT.multipliedBy(3))
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void endsAnAttemptAtOnceOnDestinationUnreachable() {
        ScriptedChannel channel =
                new ScriptedChannel((n, request) -> n == 1 ? List.of(unreachable(request)) : List.of(reply(request)));
        CheckResult result = run(2, channel);
        assertThat(result.up()).isTrue();
        assertThat(result.reason()).endsWith(" (attempt 2 of 2)");
        assertThat(result.elapsed()).isLessThan(ATTEMPT);
    }

    @Test
    void failsWithTheIcmpErrorWhenEveryAttemptIsUnreachable() {
        CheckResult result = run(2, new ScriptedChannel((n, request) -> List.of(unreachable(request))));
        assertThat(result)
                .extracting(CheckResult::up, CheckResult::reason)
                .containsExactly(false, "destination unreachable (code 1) from 198.51.100.1 (2 attempts)");
    }

    @Test
    void skipsUnrelatedPacketsUntilItsReply() {
        ScriptedChannel channel = new ScriptedChannel((n, request) -> {
            byte[] otherSequence = request.clone();
            otherSequence[7] = 99;
            return List.of(
                    reply(otherSequence), new IcmpDatagram(new byte[3], TARGET, Optional.empty()), reply(request));
        });
        assertThat(run(1, channel).up()).isTrue();
    }

    @Test
    void usesAFreshSequenceNumberForEachAttempt() {
        ScriptedChannel channel = new ScriptedChannel((n, request) -> List.of());
        run(3, channel);
        assertThat(channel.sent).extracting(request -> request[7] & 0xff).containsExactly(1, 2, 3);
    }

    @Test
    void failsWithTheReasonWhenNoIcmpSocketCanBeOpened() {
        PingCheck check = new PingCheck(spec(1), ipv6 -> {
            throw new IOException("ICMP ping needs CAP_NET_RAW or net.ipv4.ping_group_range including gid 1000");
        });
        assertThat(runner.run(check).reason())
                .isEqualTo("ICMP ping needs CAP_NET_RAW or net.ipv4.ping_group_range including gid 1000");
    }

    @Test
    void failsWithTheReasonWhenSendingFails() {
        PingCheck check = new PingCheck(spec(1), ipv6 -> new ScriptedChannel((n, request) -> List.of()) {
            @Override
            public void send(InetAddress target, byte[] message) throws IOException {
                throw new IOException("sendto 192.0.2.7: network unreachable (errno 101)");
            }
        });
        assertThat(runner.run(check).reason()).isEqualTo("sendto 192.0.2.7: network unreachable (errno 101)");
    }

    @Test
    void hasAWholeTimeoutOfCheckcountTimesChecktimeout() {
        assertThat(new PingCheck(spec(4)).timeout()).isEqualTo(ATTEMPT.multipliedBy(4));
    }
}
