package io.jdirectord.check;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * checktype=N (ldirectord's "combined"): N connect checks between negotiate checks. The counter is
 * this object's state, one per probed real server, and follows ldirectord: it starts as if N connects
 * had passed, so the first probe negotiates; a passed negotiate resets it to 0; each passed connect
 * adds 1; when it reaches N the next probe negotiates; a failed connect makes the next probe a
 * negotiate; a failed negotiate is repeated until it passes. With N = 0 every probe negotiates.
 * Probes of one HybridCheck must not overlap (the engine runs one probe per real server at a time).
 */
public final class HybridCheck implements Check {

    private final int connects;
    private final Check connect;
    private final Check negotiate;
    private final AtomicInteger passedConnects;

    /**
     * @param connects  N, the connect checks between two negotiate checks
     * @param connect   the connect step
     * @param negotiate the negotiate step
     */
    public HybridCheck(int connects, Check connect, Check negotiate) {
        this.connects = connects;
        this.connect = connect;
        this.negotiate = negotiate;
        this.passedConnects = new AtomicInteger(connects);
    }

    @Override
    public CheckResult run(Deadline deadline) throws Exception {
        if (negotiatesNext()) {
            CheckResult result = negotiate.run(deadline);
            if (result.up()) {
                passedConnects.set(0);
            }
            return labelled("negotiate", result);
        }
        CheckResult result;
        try {
            result = connect.run(deadline);
        } catch (Exception e) {
            passedConnects.set(connects);
            throw e;
        }
        if (result.up()) {
            passedConnects.incrementAndGet();
        } else {
            passedConnects.set(connects);
        }
        return labelled("connect", result);
    }

    /** Whether the next probe is the negotiate step. */
    public boolean negotiatesNext() {
        return passedConnects.get() >= connects;
    }

    private static CheckResult labelled(String step, CheckResult result) {
        return new CheckResult(result.up(), step + ": " + result.reason(), result.elapsed(), result.weight());
    }

    /** The timeout of the step the next probe takes. */
    @Override
    public Duration timeout() {
        return negotiatesNext() ? negotiate.timeout() : connect.timeout();
    }
}
