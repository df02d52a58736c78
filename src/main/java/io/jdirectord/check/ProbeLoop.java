package io.jdirectord.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform thread that carries the probes of the {@link LoopCheck}s given it ({@link #next()}: the
 * checks are spread over at most {@value #MAX_LOOPS} such loops): their non-blocking sockets on one
 * selector, their deadlines in lines of equal timeout. A probe's steps run on this thread, never block, and
 * end the probe by its deadline (plus the loop's own lateness); starting a probe from any thread only queues
 * it, and a burst of starts costs one wake-up. One thread instead of a thread per probe: no hand-off between
 * threads per probe, which on a virtual machine's CPUs cost more than the probe's own work.
 */
final class ProbeLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeLoop.class);
    /** Bytes of the buffer every read of every probe goes through (a probe keeps only what it received). */
    private static final int READ_BUFFER = 16 * 1024;
    /** Loops at most, however many processors. */
    static final int MAX_LOOPS = 2;

    private final Selector selector;
    private final Queue<LoopProbe> starting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    /** One line per timeout in use, in the order first used: a handful at most, found by a scan. */
    private final List<DeadlineLine> lines = new ArrayList<>();

    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
    /** Channels whose keys are cancelled, to close once a select has dropped the keys, oldest first. */
    private final ArrayDeque<SelectableChannel> closing = new ArrayDeque<>();

    private ProbeLoop(String name) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the probe loop's selector", e);
        }
        Thread thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * One of the loops the checks share, in turn, so that each carries an equal part of the checks; they
     * are started on first use. A check keeps the loop it was given for all its probes.
     */
    static ProbeLoop next() {
        return Shared.LOOPS.get(Math.floorMod(Shared.NEXT.getAndIncrement(), Shared.LOOPS.size()));
    }

    /**
     * The shared loops: one per processor, at most {@value #MAX_LOOPS}. At 10,000 probes a second one loop
     * kept a core 85 to 93 % busy on the 2-core machine of src/doc/performance.md, so that anything else
     * the machine did put it behind its schedule; two share the work and leave each core room.
     */
    private static final class Shared {
        static final List<ProbeLoop> LOOPS = IntStream.rangeClosed(
                        1, Math.min(MAX_LOOPS, Runtime.getRuntime().availableProcessors()))
                .mapToObj(i -> new ProbeLoop("probe-loop-" + i))
                .toList();
        static final AtomicInteger NEXT = new AtomicInteger();
    }

    /** Queues {@code probe} to begin on the loop's thread; returns at once. */
    void start(LoopProbe probe) {
        starting.add(probe);
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Registers {@code channel} for {@code ops} with {@code probe} as its handler. Loop thread only. */
    SelectionKey register(SelectableChannel channel, int ops, LoopProbe probe) throws IOException {
        return channel.register(selector, ops, probe);
    }

    /**
     * Closes {@code channel}, registered as {@code key} (null: never registered), once the selector has
     * dropped the key, which it does at its next select. The JDK closes a channel still registered with a
     * selector in two steps, a getsockopt and a shutdown now and the close at that select; after the select
     * the close alone does it. Loop thread only.
     */
    void close(@Nullable SelectionKey key, SelectableChannel channel) {
        if (key == null) {
            closeNow(channel);
        } else {
            key.cancel();
            closing.add(channel);
        }
    }

    /** The loop's read buffer, cleared: valid until the calling step returns. Loop thread only. */
    ByteBuffer readBuffer() {
        return readBuffer.clear();
    }

    private void loop() {
        while (true) {
            try {
                turn();
            } catch (IOException | RuntimeException e) {
                LOG.error("probe loop: {}", e.toString());
            }
        }
    }

    private void turn() throws IOException {
        wakeupPending.set(false);
        for (LoopProbe probe = starting.poll(); probe != null; probe = starting.poll()) {
            begin(probe);
        }
        long wait = millisToNextDeadline();
        int dropped = closing.size();
        if (wait == 0 || (wait < 0 && dropped > 0)) {
            selector.selectNow(this::ready);
        } else if (wait < 0) {
            selector.select(this::ready);
        } else {
            selector.select(this::ready, wait);
        }
        closeDropped(dropped);
        expireDue();
    }

    /** Closes the first {@code dropped} of {@link #closing}: their keys were cancelled before the last select. */
    private void closeDropped(int dropped) {
        for (int i = 0; i < dropped; i++) {
            closeNow(closing.poll());
        }
    }

    private static void closeNow(SelectableChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing is best effort: the channel is unusable either way.
        }
    }

    private void begin(LoopProbe probe) {
        lineOf(probe.timeoutNanos()).add(probe);
        probe.start(this);
    }

    private DeadlineLine lineOf(long timeoutNanos) {
        for (DeadlineLine line : lines) {
            if (line.timeoutNanos == timeoutNanos) {
                return line;
            }
        }
        DeadlineLine line = new DeadlineLine(timeoutNanos);
        lines.add(line);
        return line;
    }

    private void ready(SelectionKey key) {
        LoopProbe probe = (LoopProbe) key.attachment();
        if (key.isValid()) {
            probe.selected(key);
        }
    }

    /** Milliseconds until the earliest deadline, at least 1; 0 for "now"; -1 when no probe waits. */
    private long millisToNextDeadline() {
        long now = System.nanoTime();
        long soonest = Long.MAX_VALUE;
        for (DeadlineLine line : lines) {
            LoopProbe first = line.first();
            if (first != null) {
                soonest = Math.min(soonest, Math.max(0, first.deadline().nanoTime() - now));
            }
        }
        if (soonest == Long.MAX_VALUE) {
            return -1;
        }
        return soonest == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(soonest + 999_999));
    }

    /** Ends every probe whose deadline has passed: ready probes were served first, in this turn. */
    private void expireDue() {
        for (DeadlineLine line : lines) {
            for (LoopProbe first = line.first();
                    first != null && first.deadline().expired();
                    first = line.first()) {
                first.expire();
            }
        }
    }

    /**
     * The unfinished probes of one timeout in the order they began, which is the order of their deadlines:
     * a doubly linked list through the probes, so a probe that finishes leaves it at once (a finished
     * probe's sockets and buffers must not stay reachable until its deadline). Loop thread only.
     */
    static final class DeadlineLine {
        /** The timeout of its probes, in nanoseconds. */
        final long timeoutNanos;

        private LoopProbe head;
        private LoopProbe tail;

        DeadlineLine(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        LoopProbe first() {
            return head;
        }

        void add(LoopProbe probe) {
            probe.line = this;
            probe.previous = tail;
            if (tail == null) {
                head = probe;
            } else {
                tail.next = probe;
            }
            tail = probe;
        }

        void remove(LoopProbe probe) {
            if (probe.previous == null) {
                head = probe.next;
            } else {
                probe.previous.next = probe.next;
            }
            if (probe.next == null) {
                tail = probe.previous;
            } else {
                probe.next.previous = probe.previous;
            }
            probe.previous = null;
            probe.next = null;
            probe.line = null;
        }
    }
}
