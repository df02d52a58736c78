package io.jdirectord.schedule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that only queues; the test decides when each task runs, on its own thread. */
final class ManualExecutor implements Executor {

    private final Deque<Runnable> queued = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        queued.add(task);
    }

    synchronized int queued() {
        return queued.size();
    }

    /** Runs the oldest queued task. */
    void runNext() {
        Runnable task;
        synchronized (this) {
            task = queued.remove();
        }
        task.run();
    }

    void runAll() {
        while (queued() > 0) {
            runNext();
        }
    }
}
