import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor under an HTTP check in Java (src/test/bench/README.md, "Transport floor"): the least a JVM
 * can spend on one probe, connect, send jdirectord's request, read the reply, close, with nothing of a
 * monitor around it (no parsing beyond the status digit, no scheduler, no results). Each of THREADS
 * loops starts RATE/THREADS probes a second in bursts every TICK_MS, round robin over N real servers
 * (127.1.0.1 onwards, the harness's addresses, port 18080), through one of two transports:
 * <ul>
 *   <li>{@code nio}: java.nio's selector and socket channels, as jdirectord's probe loop used them until 2026-12-05 (the
 *       key cancelled at once, the channel closed after the next select);
 *   <li>{@code jna}: the system calls themselves through JNA's direct mapping (a non-blocking socket in
 *       one call, connect, epoll, getsockopt for the connection's result, write, read, close: 8 calls a
 *       probe against java.nio's 14).
 * </ul>
 * Healthy servers only (no deadlines). Usage: {@code TransportFloor nio|jna RATE N SECONDS TICK_MS
 * THREADS}; after 8 s of warm-up it measures SECONDS and prints one line: probes a second, the
 * process's CPU seconds a minute (user and system, from /proc/self/stat) and CPU µs a probe.
 */
public final class TransportFloor {

    private static final int PORT = 18080;
    private static final LongAdder DONE = new LongAdder();
    private static final LongAdder FAILED = new LongAdder();

    private TransportFloor() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int rate = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long tickNanos = Long.parseLong(args[4]) * 1_000_000L;
        int threads = Integer.parseInt(args[5]);
        int perTick = (int) ((long) rate / threads * tickNanos / 1_000_000_000L);
        for (int t = 0; t < threads; t++) {
            Runnable loop = mode.equals("jna") ? new JnaLoop(n, tickNanos, perTick) : new NioLoop(n, tickNanos, perTick);
            Thread thread = new Thread(loop, mode + "-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep(8_000);
        long cpu0 = cpuNanos(), done0 = DONE.sum(), t0 = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        long cpu1 = cpuNanos(), done1 = DONE.sum(), t1 = System.nanoTime();
        double elapsed = (t1 - t0) / 1e9;
        System.out.printf(
                "%s probes/s %.0f cpu s/min %.1f us/probe %.1f failed %d%n",
                mode,
                (done1 - done0) / elapsed,
                (cpu1 - cpu0) / 1e9 / elapsed * 60,
                (cpu1 - cpu0) / 1e3 / (done1 - done0),
                FAILED.sum());
        System.exit(0);
    }

    /** This process's user and system CPU time in nanoseconds (clock ticks of 10 ms). */
    private static long cpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    private static String host(int i) {
        return "127.1." + (i / 250) + "." + (i % 250 + 1);
    }

    private static byte[] request(String host) {
        return ("GET / HTTP/1.1\r\nHost: " + host + ":" + PORT + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether a reply's first bytes are an HTTP status line with a 2xx status. */
    private static boolean ok(int length, byte statusDigit) {
        return length > 12 && statusDigit == '2';
    }

    private static final class NioLoop implements Runnable {
        private final InetSocketAddress[] targets;
        private final byte[][] requests;
        private final long tickNanos;
        private final int perTick;

        NioLoop(int n, long tickNanos, int perTick) {
            this.targets = new InetSocketAddress[n];
            this.requests = new byte[n][];
            for (int i = 0; i < n; i++) {
                targets[i] = new InetSocketAddress(host(i), PORT);
                requests[i] = request(host(i));
            }
            this.tickNanos = tickNanos;
            this.perTick = perTick;
        }

        private record Probe(SocketChannel channel, ByteBuffer request) {}

        @Override
        public void run() {
            try {
                loop();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void loop() throws IOException {
            Selector selector = Selector.open();
            ByteBuffer readBuffer = ByteBuffer.allocateDirect(16 * 1024);
            ArrayDeque<SelectableChannel> closing = new ArrayDeque<>();
            long next = System.nanoTime();
            int index = 0;
            while (true) {
                for (long now = System.nanoTime(); now >= next; next += tickNanos) {
                    for (int k = 0; k < perTick; k++, index = (index + 1) % targets.length) {
                        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.INET);
                        channel.configureBlocking(false);
                        Probe probe = new Probe(channel, ByteBuffer.wrap(requests[index]));
                        if (channel.connect(targets[index])) {
                            channel.write(probe.request());
                            channel.register(selector, SelectionKey.OP_READ, probe);
                        } else {
                            channel.register(selector, SelectionKey.OP_CONNECT, probe);
                        }
                    }
                }
                int dropped = closing.size();
                long wait = Math.max(1, (next - System.nanoTime()) / 1_000_000);
                selector.select(key -> ready(key, readBuffer, closing), wait);
                for (int i = 0; i < dropped; i++) {
                    closing.poll().close();
                }
            }
        }

        private static void ready(SelectionKey key, ByteBuffer readBuffer, ArrayDeque<SelectableChannel> closing) {
            Probe probe = (Probe) key.attachment();
            try {
                if (key.isConnectable()) {
                    probe.channel().finishConnect();
                    probe.channel().write(probe.request());
                    key.interestOps(SelectionKey.OP_READ);
                    return;
                }
                int length = probe.channel().read(readBuffer.clear());
                (ok(length, readBuffer.get(9)) ? DONE : FAILED).increment();
            } catch (IOException e) {
                FAILED.increment();
            }
            key.cancel();
            closing.add(probe.channel());
        }
    }

    /** libc through JNA's direct mapping: primitive and pointer arguments only. */
    private static final class LibC {
        static {
            Native.register("c");
        }

        static native int socket(int domain, int type, int protocol);

        static native int connect(int fd, byte[] address, int length);

        static native int epoll_create1(int flags);

        static native int epoll_ctl(int epfd, int op, int fd, Pointer event);

        static native int epoll_wait(int epfd, Pointer events, int max, int timeoutMillis);

        static native long write(int fd, Pointer buffer, long length);

        static native long read(int fd, Pointer buffer, long length);

        static native int close(int fd);

        static native int getsockopt(int fd, int level, int option, Pointer value, Pointer length);
    }

    private static final class JnaLoop implements Runnable {
        private static final int AF_INET = 2;
        private static final int SOCK_STREAM_NONBLOCK_CLOEXEC = 1 | 0x800 | 0x80000;
        private static final int EPOLLIN = 0x1;
        private static final int EPOLLOUT = 0x4;
        private static final int EPOLL_CTL_ADD = 1;
        private static final int EPOLL_CTL_MOD = 3;
        private static final int SOL_SOCKET = 1;
        private static final int SO_ERROR = 4;
        /** struct epoll_event on x86-64: u32 events, u64 data, packed. */
        private static final int EVENT = 12;

        private static final int MAX_EVENTS = 512;
        private final byte[][] addresses;
        private final Memory[] requests;
        private final long tickNanos;
        private final int perTick;
        /** By file descriptor: the target and whether the connection is up (the request sent). */
        private int[] targetOf = new int[4096];

        private boolean[] sent = new boolean[4096];

        JnaLoop(int n, long tickNanos, int perTick) {
            this.addresses = new byte[n][];
            this.requests = new Memory[n];
            for (int i = 0; i < n; i++) {
                byte[] address = new byte[16];
                address[0] = AF_INET;
                address[2] = (byte) (PORT >> 8);
                address[3] = (byte) PORT;
                System.arraycopy(addressOf(host(i)), 0, address, 4, 4);
                addresses[i] = address;
                byte[] request = request(host(i));
                requests[i] = new Memory(request.length);
                requests[i].write(0, request, 0, request.length);
            }
            this.tickNanos = tickNanos;
            this.perTick = perTick;
        }

        private static byte[] addressOf(String host) {
            try {
                return InetAddress.getByName(host).getAddress();
            } catch (IOException e) {
                throw new IllegalArgumentException(host, e);
            }
        }

        @Override
        public void run() {
            int epoll = LibC.epoll_create1(0);
            Memory events = new Memory((long) EVENT * MAX_EVENTS);
            Memory event = new Memory(EVENT);
            Memory buffer = new Memory(16 * 1024);
            Memory option = new Memory(8);
            long next = System.nanoTime();
            int index = 0;
            while (true) {
                for (long now = System.nanoTime(); now >= next; next += tickNanos) {
                    for (int k = 0; k < perTick; k++, index = (index + 1) % addresses.length) {
                        int fd = LibC.socket(AF_INET, SOCK_STREAM_NONBLOCK_CLOEXEC, 0);
                        track(fd, index);
                        LibC.connect(fd, addresses[index], 16); // 0 or EINPROGRESS: SO_ERROR tells
                        event.setInt(0, EPOLLOUT);
                        event.setLong(4, fd);
                        LibC.epoll_ctl(epoll, EPOLL_CTL_ADD, fd, event);
                    }
                }
                int wait = (int) Math.max(1, (next - System.nanoTime()) / 1_000_000);
                int ready = LibC.epoll_wait(epoll, events, MAX_EVENTS, wait);
                for (int e = 0; e < ready; e++) {
                    int fd = (int) events.getLong((long) EVENT * e + 4);
                    if (!sent[fd]) {
                        connected(epoll, fd, event, option);
                    } else {
                        long length = LibC.read(fd, buffer, buffer.size());
                        (ok((int) length, buffer.getByte(9)) ? DONE : FAILED).increment();
                        LibC.close(fd);
                    }
                }
            }
        }

        private void connected(int epoll, int fd, Memory event, Memory option) {
            option.setInt(0, 0);
            option.setInt(4, 4);
            LibC.getsockopt(fd, SOL_SOCKET, SO_ERROR, option, option.share(4));
            if (option.getInt(0) != 0) {
                FAILED.increment();
                LibC.close(fd);
                return;
            }
            LibC.write(fd, requests[targetOf[fd]], requests[targetOf[fd]].size());
            event.setInt(0, EPOLLIN);
            event.setLong(4, fd);
            LibC.epoll_ctl(epoll, EPOLL_CTL_MOD, fd, event);
            sent[fd] = true;
        }

        private void track(int fd, int target) {
            if (fd >= targetOf.length) {
                targetOf = Arrays.copyOf(targetOf, 2 * fd);
                sent = Arrays.copyOf(sent, 2 * fd);
            }
            targetOf[fd] = target;
            sent[fd] = false;
        }
    }
}
