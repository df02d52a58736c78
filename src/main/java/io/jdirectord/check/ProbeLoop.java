package io.jdirectord.check;

import io.jdirectord.os.Epoll;
import io.jdirectord.os.NativeBuffer;
import io.jdirectord.os.TcpSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform thread that carries the probes of the {@link LoopCheck}s given it ({@link #next()}: the
 * checks are spread over at most {@value #MAX_LOOPS} such loops): their non-blocking sockets on one
 * {@link Epoll}, their deadlines in lines of equal timeout. A probe's steps run on this thread, never block, and
 * end the probe by its deadline (plus the loop's own lateness); starting a probe from any thread only queues
 * it, and a burst of starts costs one wake-up. One thread instead of a thread per probe: no hand-off between
 * threads per probe, which on a virtual machine's CPUs cost more than the probe's own work.
 *
 * <p>Sockets are bare descriptors ({@link TcpSocket}) added to the epoll once, edge-triggered, for reading
 * and writing: a probe of a healthy HTTP server makes six system calls (socket, connect, epoll_ctl, send,
 * read, close) where java.nio's selector and channels made fourteen, which was a fifth of the probe's CPU
 * (src/doc/performance.md, items 15 and 16).
 */
final class ProbeLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeLoop.class);
    /** Bytes of the buffer every read of every probe goes through (a probe keeps only what it received). */
    private static final int READ_BUFFER = 16 * 1024;
    /** Loops at most, however many processors. */
    static final int MAX_LOOPS = 2;

    /** Events one wait reports at most. */
    private static final int EVENTS = 512;

    private final Epoll epoll;
    private final Queue<LoopProbe> starting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    /** One line per timeout in use, in the order first used: a handful at most, found by a scan. */
    private final List<DeadlineLine> lines = new ArrayList<>();

    private final NativeBuffer buffer = new NativeBuffer(READ_BUFFER);
    /** Eight bytes for the socket calls' small arguments. */
    private final NativeBuffer scratch = new NativeBuffer(8);
    /**
     * By descriptor: the probe its events go to (null once closed), and the number of its registration, which
     * its events carry in their token's high half, so that an event of a closed descriptor never reaches
     * the probe that opened the same number since, in the same wait's events.
     */
    private LoopProbe[] probes = new LoopProbe[1024];

    private int[] registrations = new int[1024];
    private int registration;

    private ProbeLoop(String name) {
        try {
            this.epoll = new Epoll(EVENTS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the probe loop's epoll", e);
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
            epoll.wake();
        }
    }

    /**
     * Watches socket {@code fd} for {@code probe}: its readiness to read and to write, and its errors, each
     * reported to {@link LoopProbe#ready} once, when it arises (edge-triggered). Loop thread only.
     */
    void register(int fd, LoopProbe probe) throws IOException {
        if (fd >= probes.length) {
            probes = Arrays.copyOf(probes, Math.max(fd + 1, 2 * probes.length));
            registrations = Arrays.copyOf(registrations, probes.length);
        }
        probes[fd] = probe;
        registrations[fd] = ++registration;
        epoll.add(fd, Epoll.IN | Epoll.OUT | Epoll.EDGE, (long) registration << 32 | fd);
    }

    /** Closes socket {@code fd}; events of it not yet delivered are dropped. Loop thread only. */
    void close(int fd) {
        if (fd < probes.length) {
            probes[fd] = null;
        }
        TcpSocket.close(fd);
    }

    /** The loop's buffer for the socket calls: valid until the calling step returns. Loop thread only. */
    NativeBuffer buffer() {
        return buffer;
    }

    /** Eight bytes for a socket call's small argument: valid until the calling step returns. Loop thread only. */
    NativeBuffer scratch() {
        return scratch;
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
        int ready = epoll.await((int) millisToNextDeadline());
        for (int i = 0; i < ready; i++) {
            dispatch(epoll.token(i), epoll.events(i));
        }
        expireDue();
    }

    /** Hands {@code events} to the probe whose registration {@code token} names, if it is still open. */
    private void dispatch(long token, int events) {
        if (token == Epoll.WAKE) {
            return;
        }
        int fd = (int) token;
        LoopProbe probe = probes[fd];
        if (probe != null && registrations[fd] == (int) (token >>> 32)) {
            probe.selected(events);
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
