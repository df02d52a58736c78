package io.jdirectord.check.spec;

import io.jdirectord.config.ProbeSpec;
import java.net.InetAddress;
import java.time.Duration;

/**
 * What a ping check needs.
 *
 * @param address    the real server's address
 * @param perAttempt checktimeout: how long one echo request waits for its reply
 * @param attempts   how many echo requests at most (checkcount, at least 1)
 */
public record PingSpec(InetAddress address, Duration perAttempt, int attempts) {

    public static PingSpec of(ProbeSpec spec) {
        return new PingSpec(
                spec.real().address(),
                spec.check().checkTimeout(),
                Math.max(1, spec.check().checkCount()));
    }
}
