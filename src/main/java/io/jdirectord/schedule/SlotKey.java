package io.jdirectord.schedule;

import io.jdirectord.config.ProbeSpec;
import java.time.Duration;
import java.util.Arrays;

/**
 * One phase of one interval: all probes with that interval whose identity hashes to {@code index} run
 * together, {@code index/count} of an interval after the slot's start. Slots are {@value #TICK_MILLIS} ms
 * apart (at most {@value #MAX_SLOTS} per interval), so a scheduler fires about 20 times a second per
 * distinct interval however many probes there are.
 *
 * @param interval the probes' interval
 * @param index    0 ≤ index &lt; count
 * @param count    slots of this interval
 */
record SlotKey(Duration interval, int index, int count) {

    static final long TICK_MILLIS = 50;
    static final int MAX_SLOTS = 200;

    /**
     * The slot a probe runs in: deterministic, from its real server's address, the port it probes and its
     * check type (probes differing only in other settings share a slot). Not from the probe's whole text:
     * at 10,000 probes that text cost the start more CPU than the hash is worth.
     */
    static SlotKey of(ProbeSpec spec, Duration interval) {
        int count = count(interval);
        return new SlotKey(interval, Math.floorMod(mix(identity(spec)), count), count);
    }

    private static int identity(ProbeSpec spec) {
        int hash = Arrays.hashCode(spec.real().address().getAddress());
        hash = 31 * hash + spec.checkPort();
        return 31 * hash + spec.check().type().ldName().hashCode();
    }

    static int count(Duration interval) {
        long slots = interval.toMillis() / TICK_MILLIS;
        return (int) Math.max(1, Math.min(MAX_SLOTS, slots));
    }

    /**
     * How long after the start of each interval this slot fires: index/count of the interval, rounded down
     * to the nanosecond (in longs: Duration's own arithmetic goes through BigDecimal, a cold class at start).
     */
    Duration offset() {
        long nanos = interval.toNanos();
        return Duration.ofNanos(nanos / count * index + nanos % count * index / count);
    }

    /** A name unique among slots: {@code slot-1000ms-7}. */
    String name() {
        return "slot-" + interval.toMillis() + "ms-" + index;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
