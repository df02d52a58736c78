package io.jdirectord.check;

import io.jdirectord.check.spec.Probe;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * checktype=connect over TCP (ldirectord's check_connect): up when a TCP connection to the check port
 * opens within checktimeout; the connection is closed at once without sending anything.
 */
public final class ConnectCheck implements Check {

    private final InetSocketAddress target;
    private final Duration timeout;

    /** @param probe the check port, and checktimeout as the timeout */
    public ConnectCheck(Probe probe) {
        this.target = probe.target();
        this.timeout = probe.timeout();
    }

    @Override
    public CheckResult run(Deadline deadline) {
        try {
            TcpSession.open(target, deadline, timeout, 0).close();
            return CheckResult.up("connected");
        } catch (ProbeException e) {
            return CheckResult.down(e.getMessage());
        }
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
