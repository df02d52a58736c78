package io.jdirectord.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one {@link SlotKey}: starts the slot's probes. A fire more than one interval late
 * (Quartz catching up after a stall) is dropped, so a stall never turns into a burst of probes.
 */
final class SlotJob implements Job {

    static final String INTERVAL_NANOS = "intervalNanos";
    static final String INDEX = "index";
    static final String COUNT = "count";

    private static final Logger LOG = LoggerFactory.getLogger(SlotJob.class);

    private final ProbeSlots slots;
    private final InstantSource clock;

    SlotJob(ProbeSlots slots, InstantSource clock) {
        this.slots = slots;
        this.clock = clock;
    }

    static JobDataMap data(SlotKey key) {
        JobDataMap data = new JobDataMap();
        data.put(INTERVAL_NANOS, key.interval().toNanos());
        data.put(INDEX, key.index());
        data.put(COUNT, key.count());
        return data;
    }

    static SlotKey key(JobDataMap data) {
        return new SlotKey(Duration.ofNanos(data.getLong(INTERVAL_NANOS)), data.getInt(INDEX), data.getInt(COUNT));
    }

    @Override
    public void execute(JobExecutionContext context) {
        SlotKey key = key(context.getMergedJobDataMap());
        fire(key, context.getScheduledFireTime().toInstant());
    }

    /** Fires {@code key} unless {@code scheduled} is more than one interval in the past. */
    void fire(SlotKey key, Instant scheduled) {
        Duration late = Duration.between(scheduled, clock.instant());
        if (late.compareTo(key.interval()) > 0) {
            LOG.debug("dropped a fire of {} that was {} ms late", key.name(), late.toMillis());
            return;
        }
        slots.fire(key, scheduled);
    }
}
