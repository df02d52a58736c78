package io.jdirectord.check;

import io.jdirectord.check.spec.PingSpec;
import io.jdirectord.net.AddressText;
import io.jdirectord.os.IcmpChannel;
import io.jdirectord.os.IcmpDatagram;
import io.jdirectord.os.IcmpSocket;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * checktype = ping (and connect for udp virtuals): ICMP or ICMPv6 echo to the real's address, up to
 * checkcount attempts of checktimeout each; the first echo reply makes the check up. An ICMP destination
 * unreachable or time exceeded about a request ends that attempt at once. Replies are matched by
 * sequence number, source address and a random cookie in the data, and on raw sockets also by a random
 * identifier (ping sockets get their identifier from the kernel, which delivers only their own replies).
 * The wait polls the socket without blocking and sleeps between polls (1 ms, doubling up to 20 ms), so no
 * native call holds a carrier thread. Whole-probe timeout: checktimeout × checkcount.
 */
public final class PingCheck implements Check {

    /** Opens the ICMP socket for one probe. */
    @FunctionalInterface
    public interface Opener {
        IcmpChannel open(boolean ipv6) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration FIRST_PAUSE = Duration.ofMillis(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(20);

    private final InetAddress target;
    private final Duration perAttempt;
    private final int attempts;
    private final Opener opener;

    public PingCheck(PingSpec spec) {
        this(spec, IcmpSocket::open);
    }

    /** @param opener where the ICMP sockets come from (tests pass a scripted channel) */
    public PingCheck(PingSpec spec, Opener opener) {
        this.target = spec.address();
        this.perAttempt = spec.perAttempt();
        this.attempts = spec.attempts();
        this.opener = opener;
    }

    @Override
    public Duration timeout() {
        return perAttempt.multipliedBy(attempts);
    }

    @Override
    public CheckResult run(Deadline deadline) throws IOException, InterruptedException {
        byte[] cookie = new byte[IcmpEcho.COOKIE_LENGTH];
        RANDOM.nextBytes(cookie);
        int identifier = RANDOM.nextInt(1 << 16);
        IcmpChannel opened;
        try {
            opened = opener.open(target instanceof Inet6Address);
        } catch (IOException e) {
            return CheckResult.down(e.getMessage());
        }
        try (IcmpChannel channel = opened) {
            String failure = "";
            for (int sequence = 1; sequence <= attempts && !deadline.expired(); sequence++) {
                IcmpEcho.Expectation expected =
                        new IcmpEcho.Expectation(target, channel.raw() ? identifier : -1, sequence, cookie);
                Deadline attemptEnd =
                        new Deadline(Math.min(deadline.nanoTime(), System.nanoTime() + perAttempt.toNanos()));
                CheckResult result = attempt(channel, expected, attemptEnd);
                if (result.up()) {
                    return result;
                }
                failure = result.reason();
            }
            return CheckResult.down(attempts > 1 ? failure + " (" + attempts + " attempts)" : failure);
        }
    }

    private CheckResult attempt(IcmpChannel channel, IcmpEcho.Expectation expected, Deadline end)
            throws IOException, InterruptedException {
        long sent = System.nanoTime();
        try {
            channel.send(
                    target,
                    IcmpEcho.request(
                            expected.ipv6(),
                            Math.max(0, expected.identifier()),
                            expected.sequence(),
                            expected.cookie()));
        } catch (IOException e) {
            return CheckResult.down(e.getMessage());
        }
        Duration pause = FIRST_PAUSE;
        while (!end.expired()) {
            Optional<IcmpDatagram> received = channel.receive();
            if (received.isEmpty()) {
                Thread.sleep(min(pause, end.remaining()));
                pause = min(pause.multipliedBy(2), LONGEST_PAUSE);
                continue;
            }
            IcmpEcho.Meaning meaning = interpret(received.get(), channel.raw(), expected);
            if (meaning instanceof IcmpEcho.Reply) {
                return CheckResult.up(replyReason(expected.sequence(), System.nanoTime() - sent));
            }
            if (meaning instanceof IcmpEcho.Failure failure) {
                return CheckResult.down(failure.reason());
            }
        }
        return CheckResult.down("no echo reply within " + perAttempt.toMillis() + " ms");
    }

    private static IcmpEcho.Meaning interpret(IcmpDatagram datagram, boolean raw, IcmpEcho.Expectation expected) {
        if (datagram.queuedError().isPresent()) {
            IcmpDatagram.QueuedError error = datagram.queuedError().get();
            return IcmpEcho.interpretQueued(datagram.bytes(), error.type(), error.code(), datagram.source(), expected);
        }
        return IcmpEcho.interpret(datagram.bytes(), raw && !expected.ipv6(), datagram.source(), expected);
    }

    private String replyReason(int sequence, long nanos) {
        String reason =
                String.format(Locale.ROOT, "echo reply from %s in %.1f ms", AddressText.of(target), nanos / 1e6);
        return sequence > 1 ? reason + " (attempt " + sequence + " of " + attempts + ")" : reason;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
