package io.jdirectord.check;

import java.time.Duration;

/**
 * service=none with checktype=negotiate (ldirectord's check_none): nothing is sent, the real server is
 * always up. This is the default for firewall-mark services and ports without a known service.
 */
public final class NoneCheck implements Check {

    private final Duration timeout;

    /** @param timeout negotiatetimeout, which the engine still bounds this check by */
    public NoneCheck(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public CheckResult run(Deadline deadline) {
        return CheckResult.up("service none: nothing to check");
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
