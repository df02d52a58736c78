package io.jdirectord.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A unix datagram socket bound to a path, receiving what {@link UnixDatagram} sends, for tests (the JDK
 * cannot bind one). Stands in for journald's or systemd's socket in a {@code @TempDir}.
 */
public final class BoundUnixDatagram implements AutoCloseable {

    private static final int BUFFER_SIZE = 1 << 20;

    private final int fd;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BoundUnixDatagram(int fd) {
        this.fd = fd;
    }

    /** Binds a new socket at {@code path} (which must not exist). */
    public static BoundUnixDatagram bind(Path path) throws IOException {
        int fd = LibC.INSTANCE.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC, 0);
        byte[] address = UnixDatagram.socketAddress(path.toString());
        try {
            LibC.INSTANCE.bind(fd, address, address.length);
        } catch (LastErrorException e) {
            LibC.INSTANCE.close(fd);
            throw new IOException("bind " + path + ": " + KernelErrno.describe(e.getErrorCode()), e);
        }
        return new BoundUnixDatagram(fd);
    }

    /** The next datagram, or empty when none arrived within {@code timeout}. */
    public Optional<byte[]> receive(Duration timeout) {
        ByteBuffer pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        pollfd.putInt(0, fd).putShort(4, LibC.POLLIN);
        if (LibC.INSTANCE.poll(pollfd.array(), new NativeLong(1), (int) timeout.toMillis()) <= 0) {
            return Optional.empty();
        }
        byte[] buffer = new byte[BUFFER_SIZE];
        long length = LibC.INSTANCE
                .recvfrom(fd, buffer, new NativeLong(buffer.length), 0, (byte[]) null, (IntByReference) null)
                .longValue();
        return Optional.of(Arrays.copyOf(buffer, (int) length));
    }

    /** Closes the socket (once; later calls do nothing). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            LibC.INSTANCE.close(fd);
        }
    }
}
