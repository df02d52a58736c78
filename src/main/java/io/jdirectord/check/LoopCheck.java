package io.jdirectord.check;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A check whose probe needs no thread of its own: it runs on the {@link ProbeLoop}, and the scheduler
 * starts it instead of giving it a thread. {@link #run} waits for it, for callers that have a thread to
 * spare (tests, the command line).
 */
public interface LoopCheck extends Check {

    /**
     * Starts one probe and returns at once. {@code done} receives its result exactly once, on the loop's
     * thread, by the deadline (give or take the loop's own lateness); it must not block.
     *
     * @param deadline the instant (monotonic) by which the probe must have ended
     */
    void start(Deadline deadline, Consumer<CheckResult> done);

    /** Starts the probe and waits for its result. */
    @Override
    default CheckResult run(Deadline deadline) throws InterruptedException {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        start(deadline, result::complete);
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a loop check completes with a result, never with an exception", e);
        }
    }
}
