package io.jdirectord.check.spec;

import io.jdirectord.config.ProbeSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The settings every network check shares: whom it talks to, how long it may take, how much it may read.
 *
 * @param address         the real server's address
 * @param port            the port probed: checkport, else the real's port, else the service's port
 * @param timeout         the time the whole probe may take (checktimeout or negotiatetimeout, as the check uses)
 * @param maxReceiveBytes the most the check reads from the server
 */
public record Probe(InetAddress address, int port, Duration timeout, int maxReceiveBytes) {

    /** A probe of {@code spec}'s check port bounded by negotiatetimeout, as every negotiate check is. */
    public static Probe negotiate(ProbeSpec spec) {
        return new Probe(
                spec.real().address(),
                spec.checkPort(),
                spec.check().negotiateTimeout(),
                spec.check().maxReceiveBytes());
    }

    /** A probe of {@code spec}'s check port bounded by checktimeout, as connect checks are. */
    public static Probe connect(ProbeSpec spec) {
        return new Probe(
                spec.real().address(),
                spec.checkPort(),
                spec.check().checkTimeout(),
                spec.check().maxReceiveBytes());
    }

    /** The address and port to connect or send to. */
    public InetSocketAddress target() {
        return new InetSocketAddress(address, port);
    }
}
