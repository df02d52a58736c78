package io.jdirectord.schedule;

import io.jdirectord.check.CheckFactory;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * {@link ProbeScheduler} on Quartz (RAMJobStore, {@link VirtualThreadPool}). Quartz does not get one
 * trigger per probe: it gets one trigger per {@link SlotKey} (interval and phase), and each fire starts
 * that slot's probes on virtual threads, so Quartz fires about 20 times a second per distinct interval
 * whatever the number of probes. Measured on 2 busy cores (src/doc/decisions.md, "Scheduling and
 * concurrency"): at 10,000 probes a second per-probe triggers kept up but with several times the lateness
 * and CPU, and at 50,000 a second they fell seconds behind and dropped runs; slot triggers kept up in
 * both. Thread-safe.
 */
public final class QuartzProbeScheduler implements ProbeScheduler {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String GROUP = "probes";

    private final Scheduler quartz;
    private final ProbeSlots slots;
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<SlotKey> scheduled = new HashSet<>();

    private QuartzProbeScheduler(ProbeSlots slots, InstantSource clock) throws SchedulerException {
        this.slots = slots;
        this.clock = clock;
        this.quartz = new StdSchedulerFactory(properties()).getScheduler();
        quartz.setJobFactory((bundle, scheduler) -> new SlotJob(slots, clock));
        quartz.start();
    }

    /**
     * Starts an empty scheduler: every run on a new virtual thread, results stamped with the system clock.
     *
     * @throws IllegalStateException when Quartz cannot start
     */
    public static QuartzProbeScheduler start(CheckFactory checks, ProbeListener listener) {
        return start(new ProbeSlots(checks, ProbeEnvironment.virtualThreads(listener)), InstantSource.system());
    }

    static QuartzProbeScheduler start(ProbeSlots slots, InstantSource clock) {
        try {
            return new QuartzProbeScheduler(slots, clock);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz did not start: " + e.getMessage(), e);
        }
    }

    private static Properties properties() {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "jdirectord-probes-" + INSTANCES.incrementAndGet());
        p.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
        p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, VirtualThreadPool.class.getName());
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        p.setProperty(StdSchedulerFactory.PROP_SCHED_MAX_BATCH_SIZE, "64");
        return p;
    }

    @Override
    public PreparedProbes prepare(Collection<ScheduledProbe> probes) {
        return slots.prepare(probes);
    }

    @Override
    public void schedule(PreparedProbes probes) {
        lock.lock();
        try {
            Set<SlotKey> wanted = slots.update(probes);
            Instant now = clock.instant();
            for (SlotKey key : wanted) {
                if (!scheduled.contains(key)) {
                    quartz.scheduleJob(job(key), trigger(key, now));
                    scheduled.add(key);
                }
            }
            for (SlotKey key : Set.copyOf(scheduled)) {
                if (!wanted.contains(key)) {
                    quartz.deleteJob(JobKey.jobKey(key.name(), GROUP));
                    scheduled.remove(key);
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused a probe slot: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static JobDetail job(SlotKey key) {
        return JobBuilder.newJob(SlotJob.class)
                .withIdentity(key.name(), GROUP)
                .usingJobData(SlotJob.data(key))
                .build();
    }

    private static Trigger trigger(SlotKey key, Instant now) {
        return TriggerBuilder.newTrigger()
                .withIdentity(key.name(), GROUP)
                .startAt(Date.from(now.plus(key.offset())))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(key.interval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    @Override
    public void close() {
        slots.close();
        try {
            quartz.shutdown(false);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz did not shut down: " + e.getMessage(), e);
        }
    }
}
