package io.jdirectord.check;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs blocking work that cannot itself be bounded (a library's I/O) on a fresh virtual thread and gives
 * up on it at the deadline: the caller gets a {@link TimeoutException} on time, {@code onExpiry} runs
 * (to cancel the library's request) and the worker is interrupted, which closes the socket it is
 * blocked on.
 */
final class DeadlineCall {

    private DeadlineCall() {
    }

    static <T> T call(Deadline deadline, Callable<T> work, Runnable onExpiry) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread.ofVirtual().name("check-worker").start(task);
        try {
            return task.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            onExpiry.run();
            task.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
