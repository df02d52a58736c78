package io.jdirectord.check;

import java.time.Duration;

/**
 * A check this build cannot carry out yet: every probe is down with a reason that names what is
 * missing, so the operator sees it in the logs instead of a server silently counted as up.
 */
public final class UnsupportedCheck implements Check {

    private final String reason;
    private final Duration timeout;

    /**
     * @param reason  what is not supported ("negotiate check for service 'mysql' is not supported yet")
     * @param timeout the timeout the real check would have
     */
    public UnsupportedCheck(String reason, Duration timeout) {
        this.reason = reason;
        this.timeout = timeout;
    }

    @Override
    public CheckResult run(Deadline deadline) {
        return CheckResult.down(reason);
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
