package io.jdirectord.check;

import io.jdirectord.config.ProbeSpec;
import java.time.Duration;

/**
 * service=none with checktype=negotiate (ldirectord's check_none): nothing is sent, the real server is
 * always up. This is the default for firewall-mark services and ports without a known service.
 */
public final class NoneCheck implements Check {

    private final Duration timeout;

    public NoneCheck(ProbeSpec spec) {
        this.timeout = spec.check().negotiateTimeout();
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
