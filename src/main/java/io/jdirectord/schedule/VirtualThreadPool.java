package io.jdirectord.schedule;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.spi.ThreadPool;

/**
 * A Quartz thread pool that runs every job on a new virtual thread (Quartz ships none). Unbounded: the
 * only jobs are the slot jobs of {@link QuartzProbeScheduler}, a few per interval, each returning as
 * soon as it has started its probes. Configured by class name through {@code org.quartz.threadPool.class}.
 */
public final class VirtualThreadPool implements ThreadPool {

    /** What Quartz is told is available: the most triggers it acquires in one batch is capped separately. */
    private static final int AVAILABLE = 1024;

    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;
    private String name = "quartz";

    @Override
    public boolean runInThread(Runnable runnable) {
        if (shutdown) {
            return false;
        }
        Thread thread = Thread.ofVirtual().name(name + "-job").unstarted(() -> {
            try {
                runnable.run();
            } finally {
                running.remove(Thread.currentThread());
            }
        });
        running.add(thread);
        thread.start();
        return true;
    }

    @Override
    public int blockForAvailableThreads() {
        return AVAILABLE;
    }

    @Override
    public void initialize() {
        shutdown = false;
    }

    @Override
    public void shutdown(boolean waitForJobsToComplete) {
        shutdown = true;
        if (!waitForJobsToComplete) {
            return;
        }
        for (Thread thread : running) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public int getPoolSize() {
        return AVAILABLE;
    }

    @Override
    public void setInstanceId(String instanceId) {
        // One pool per scheduler instance; the id adds nothing to thread names.
    }

    @Override
    public void setInstanceName(String instanceName) {
        this.name = instanceName;
    }
}
