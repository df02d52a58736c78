package io.jdirectord.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines of probes that start or stop overrunning their interval, shared by every probe: at most
 * {@link #PER_MINUTE} of each kind in a minute name their probe; the rest are counted, and the first line
 * of a later minute is preceded by one that sums them up. A dead host whose timeout exceeds its interval
 * is one line, and a machine too busy to keep 10,000 probes on time is a few lines a minute rather than
 * thousands. Thread-safe.
 */
final class OverrunLog {

    static final int PER_MINUTE = 10;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ProbeRunner.class);

    private final InstantSource clock;
    private Instant windowStart = Instant.MIN;
    private int overrunsShown;
    private int recoveriesShown;
    private int overrunsHidden;
    private int recoveriesHidden;

    OverrunLog(InstantSource clock) {
        this.clock = clock;
    }

    /** The probe {@code label} took longer than its interval of {@code intervalMillis}. */
    void overran(String label, long intervalMillis) {
        if (admitOverrun()) {
            LOG.warn(
                    "probe of {} took longer than its interval ({} ms): skipping runs while it overruns",
                    label,
                    intervalMillis);
        }
    }

    /** The probe {@code label} runs within its interval again. */
    void recovered(String label) {
        if (admitRecovery()) {
            LOG.info("probe of {} runs within its interval again", label);
        }
    }

    private synchronized boolean admitOverrun() {
        roll();
        if (overrunsShown < PER_MINUTE) {
            overrunsShown++;
            return true;
        }
        overrunsHidden++;
        return false;
    }

    private synchronized boolean admitRecovery() {
        roll();
        if (recoveriesShown < PER_MINUTE) {
            recoveriesShown++;
            return true;
        }
        recoveriesHidden++;
        return false;
    }

    /** Starts a new minute when the current one is over, summing up what it did not show. */
    private void roll() {
        Instant now = clock.instant();
        if (now.isBefore(windowStart.plus(MINUTE))) {
            return;
        }
        if (overrunsHidden > 0 || recoveriesHidden > 0) {
            LOG.warn(
                    "{} more probes took longer than their interval and {} more ran within it again in the"
                            + " minute from {} (not named: at most {} of each a minute are)",
                    overrunsHidden,
                    recoveriesHidden,
                    windowStart,
                    PER_MINUTE);
        }
        windowStart = now;
        overrunsShown = 0;
        recoveriesShown = 0;
        overrunsHidden = 0;
        recoveriesHidden = 0;
    }
}
