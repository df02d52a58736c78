package io.jdirectord.os;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;

/**
 * A Linux epoll instance with an eventfd that wakes its waiter from any thread. Descriptors are added
 * edge-triggered ({@link #EDGE}): an event is reported when it arises, not for as long as it lasts, so a
 * socket is added once for reading and writing and never changed, and closing the socket removes it.
 * Each added descriptor carries a token that its events report. One thread adds and waits; any thread
 * may {@link #wake}. A probe loop keeps its epoll for the life of the process; {@link #close} is for
 * those that do not.
 */
public final class Epoll implements AutoCloseable {

    /** Readable (or the end of the stream). */
    public static final int IN = 0x1;
    /** Writable: for a connecting socket, connected. */
    public static final int OUT = 0x4;
    /** An error is pending on the socket (always reported). */
    public static final int ERR = 0x8;
    /** Hung up (always reported). */
    public static final int HUP = 0x10;
    /** Report an event when it arises, once. */
    public static final int EDGE = 1 << 31;
    /** The token of the wake-up's event: no added descriptor has it. */
    public static final long WAKE = -1L;

    private static final int EPOLL_CLOEXEC = 0x80000;
    private static final int EFD_NONBLOCK = 0x800;
    private static final int EFD_CLOEXEC = 0x80000;
    private static final int EPOLL_CTL_ADD = 1;
    /** struct epoll_event: packed on x86-64 (12 bytes, data at 4), naturally aligned elsewhere (16, data at 8). */
    private static final boolean PACKED = Platform.isIntel() && Platform.is64Bit();

    private static final int EVENT_SIZE = PACKED ? 12 : 16;
    private static final int DATA_OFFSET = PACKED ? 4 : 8;

    private final int epfd;
    private final int wakeFd;
    private final int capacity;
    private final NativeBuffer events;
    private final NativeBuffer control = new NativeBuffer(16);
    /** The eventfd's increment, 1: written once, then only read (by any thread). */
    private final NativeBuffer wakeValue = new NativeBuffer(8);

    private final NativeBuffer drained = new NativeBuffer(8);

    /**
     * @param capacity how many events one {@link #await} reports at most
     * @throws IOException when the kernel refuses an epoll instance or an eventfd
     */
    public Epoll(int capacity) throws IOException {
        this.capacity = capacity;
        this.events = new NativeBuffer(capacity * EVENT_SIZE);
        this.epfd = check(DirectLibC.epoll_create1(EPOLL_CLOEXEC), "epoll_create1");
        this.wakeFd = check(DirectLibC.eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC), "eventfd");
        add(wakeFd, IN, WAKE);
        wakeValue.putLong(0, 1);
    }

    /** Adds {@code fd} for {@code interest} (of {@link #IN}, {@link #OUT}, {@link #EDGE}); its events report {@code token}. */
    public void add(int fd, int interest, long token) throws IOException {
        control.putInt(0, interest);
        control.putLong(DATA_OFFSET, token);
        check(DirectLibC.epoll_ctl(epfd, EPOLL_CTL_ADD, fd, control.address(0)), "epoll_ctl");
    }

    /**
     * Waits for events, at most {@code timeoutMillis} (-1: until one arrives or a wake-up), and returns how
     * many there are, their tokens and events then read by index. A wake-up is one of them, with the token
     * {@link #WAKE}; it has been taken: the next wait blocks again.
     */
    public int await(int timeoutMillis) throws IOException {
        int ready = DirectLibC.epoll_wait(epfd, events.address(0), capacity, timeoutMillis);
        if (ready < 0) {
            int errno = Native.getLastError();
            if (errno == KernelErrno.EINTR) {
                return 0;
            }
            throw new IOException("epoll_wait: " + KernelErrno.describe(errno));
        }
        for (int i = 0; i < ready; i++) {
            if (token(i) == WAKE) {
                DirectLibC.read(wakeFd, drained.address(0), 8);
            }
        }
        return ready;
    }

    /** The token of the {@code index}th event of the last {@link #await}. */
    public long token(int index) {
        return events.getLong(index * EVENT_SIZE + DATA_OFFSET);
    }

    /** What the {@code index}th event of the last {@link #await} reports ({@link #IN}, {@link #OUT}, {@link #ERR}, {@link #HUP}). */
    public int events(int index) {
        return events.getInt(index * EVENT_SIZE);
    }

    /** Ends the current or the next {@link #await} at once. Any thread. */
    public void wake() {
        DirectLibC.write(wakeFd, wakeValue.address(0), 8);
    }

    /** Closes the epoll and its eventfd; nothing may use it afterwards. */
    @Override
    public void close() {
        DirectLibC.close(wakeFd);
        DirectLibC.close(epfd);
    }

    private static int check(int result, String call) throws IOException {
        if (result < 0) {
            throw new IOException(call + ": " + KernelErrno.describe(Native.getLastError()));
        }
        return result;
    }
}
