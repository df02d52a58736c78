package io.jdirectord.check;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@link LoopCheck} on the {@link ProbeLoop}. Its steps (begin, each readiness of its socket,
 * its deadline) run on the loop's thread one at a time and must not block; it ends exactly once, with a
 * result, at the latest when its deadline passes ({@link #timedOut()}). A step that throws ends it with
 * {@link #failed}. Loop thread only, except construction.
 */
abstract class LoopProbe {

    private static final Logger LOG = LoggerFactory.getLogger(LoopProbe.class);

    private final Deadline deadline;
    private final long timeoutNanos;
    private final Consumer<CheckResult> done;
    private boolean finished;
    /** The probe's place in its {@link ProbeLoop.DeadlineLine}: kept by the line. */
    LoopProbe previous;

    LoopProbe next;
    ProbeLoop.DeadlineLine line;

    /** @param timeout the check's whole-probe timeout: probes of one timeout share a deadline line */
    LoopProbe(Deadline deadline, Duration timeout, Consumer<CheckResult> done) {
        this.deadline = deadline;
        this.timeoutNanos = timeout.toNanos();
        this.done = done;
    }

    /** Opens the probe's connection and registers it with {@code loop}. */
    abstract void begin(ProbeLoop loop) throws Exception;

    /** Its socket reports {@code events} ({@link io.jdirectord.os.Epoll#IN}, OUT, ERR, HUP), each once, as it arises. */
    abstract void ready(int events) throws Exception;

    /** The result when the deadline passes before the probe has ended. */
    abstract CheckResult timedOut();

    /** The result when a step throws {@code e}. */
    abstract CheckResult failed(Exception e);

    /** Closes what the probe holds; called once, when it ends. */
    abstract void release();

    /** Whether it has ended (with a result). */
    final boolean finished() {
        return finished;
    }

    final Deadline deadline() {
        return deadline;
    }

    final long timeoutNanos() {
        return timeoutNanos;
    }

    /** Begins the probe on {@code loop}'s thread; what the step throws ends the probe. */
    final void start(ProbeLoop loop) {
        try {
            begin(loop);
        } catch (Exception | StackOverflowError e) {
            finish(failure(e));
        }
    }

    /** Its socket reports {@code events}: the next step, unless the probe has ended; what the step throws ends the probe. */
    final void selected(int events) {
        if (finished) {
            return;
        }
        try {
            ready(events);
        } catch (Exception | StackOverflowError e) {
            finish(failure(e));
        }
    }

    private CheckResult failure(Throwable e) {
        return e instanceof Exception exception ? failed(exception) : CheckResult.down(CheckRunner.describe(e));
    }

    /** Ends the probe at its deadline. */
    final void expire() {
        finish(timedOut());
    }

    /** Ends the probe with {@code result} unless it has ended already. */
    final void finish(CheckResult result) {
        if (finished) {
            return;
        }
        finished = true;
        if (line != null) {
            line.remove(this);
        }
        release();
        try {
            done.accept(result);
        } catch (RuntimeException e) {
            LOG.error("a probe's result was not taken", e);
        }
    }
}
