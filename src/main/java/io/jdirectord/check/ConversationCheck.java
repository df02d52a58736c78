package io.jdirectord.check;

import io.jdirectord.check.spec.Probe;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/**
 * A check that holds one protocol conversation with the real server over a {@link SocketProbe} (ftp,
 * smtp, pop, imap, ssh): the whole conversation, connect included, ends within negotiatetimeout, and
 * reads at most maxReceiveBytes.
 */
abstract class ConversationCheck implements Check {

    /** The real server's address. */
    protected final InetAddress address;
    /** The port the check talks to: checkport, else the real's port. */
    protected final int port;

    private final Duration timeout;
    private final int maxReceiveBytes;

    ConversationCheck(Probe probe) {
        this.address = probe.address();
        this.port = probe.port();
        this.timeout = probe.timeout();
        this.maxReceiveBytes = probe.maxReceiveBytes();
    }

    @Override
    public final Duration timeout() {
        return timeout;
    }

    @Override
    public final CheckResult run(Deadline deadline) {
        return SocketProbe.run(deadline, timeout, maxReceiveBytes, this::converse);
    }

    /** The protocol steps; an exception becomes a down result naming the probe's phase. */
    abstract CheckResult converse(SocketProbe probe) throws IOException;
}
