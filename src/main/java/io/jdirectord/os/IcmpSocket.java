package io.jdirectord.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;
import io.jdirectord.net.AddressText;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A non-blocking ICMP (IPv4) or ICMPv6 socket for echo requests. {@link #open} takes a raw socket when
 * the process has CAP_NET_RAW and otherwise an unprivileged ping socket (SOCK_DGRAM), which Linux allows
 * when the process's group is inside net.ipv4.ping_group_range (that range covers IPv6 too). Raw sockets
 * are filtered to echo replies, destination unreachable and time exceeded; ping sockets report ICMP
 * errors through their error queue. One socket serves one probe on one thread; it is not shared.
 */
public final class IcmpSocket implements IcmpChannel {

    /** The socket kinds, in the order {@link #open} tries them. */
    public enum Kind {
        RAW,
        PING
    }

    private static final int BUFFER_SIZE = 2048;
    private static final int[] RAW_V4_TYPES = {0, 3, 11};
    private static final int[] RAW_V6_TYPES = {129, 1, 3};

    private final LibC libc;
    private final int fd;
    private final Kind kind;
    private final AtomicBoolean closed = new AtomicBoolean();

    private IcmpSocket(LibC libc, int fd, Kind kind) {
        this.libc = libc;
        this.fd = fd;
        this.kind = kind;
    }

    /**
     * Opens a raw socket, or a ping socket when raw ones are not permitted.
     *
     * @throws IOException naming the missing privilege when neither kind is permitted
     */
    public static IcmpSocket open(boolean ipv6) throws IOException {
        LibC libc = LibC.INSTANCE;
        int family = ipv6 ? LibC.AF_INET6 : LibC.AF_INET;
        int protocol = ipv6 ? LibC.IPPROTO_ICMPV6 : LibC.IPPROTO_ICMP;
        int flags = LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC;
        try {
            return configured(libc, libc.socket(family, LibC.SOCK_RAW | flags, protocol), Kind.RAW, ipv6);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != KernelErrno.EPERM && e.getErrorCode() != KernelErrno.EACCES) {
                throw new IOException("socket: " + KernelErrno.describe(e.getErrorCode()), e);
            }
        }
        try {
            return configured(libc, libc.socket(family, LibC.SOCK_DGRAM | flags, protocol), Kind.PING, ipv6);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == KernelErrno.EPERM || e.getErrorCode() == KernelErrno.EACCES) {
                throw new IOException(IcmpPrivileges.missing(), e);
            }
            throw new IOException("socket: " + KernelErrno.describe(e.getErrorCode()), e);
        }
    }

    /**
     * Whether this process can ping at all, and how: the daemon asks once at start-up when ping checks
     * are configured.
     */
    public static IcmpPrivileges.Availability availability() {
        try (IcmpSocket socket = open(false)) {
            return IcmpPrivileges.available(socket.kind);
        } catch (IOException e) {
            return IcmpPrivileges.unavailable(String.valueOf(e.getMessage()));
        } catch (LinkageError e) {
            return IcmpPrivileges.unavailable("ICMP ping needs JNA's native library: " + e.getMessage());
        }
    }

    private static IcmpSocket configured(LibC libc, int fd, Kind kind, boolean ipv6) throws IOException {
        IcmpSocket socket = new IcmpSocket(libc, fd, kind);
        try {
            if (kind == Kind.RAW && !ipv6) {
                socket.setOption(LibC.SOL_RAW, LibC.ICMP_FILTER, hostInts(blockAllBut(RAW_V4_TYPES, 1)));
            } else if (kind == Kind.RAW) {
                socket.setOption(LibC.IPPROTO_ICMPV6, LibC.ICMP6_FILTER, hostInts(blockAllBut(RAW_V6_TYPES, 8)));
            } else if (!ipv6) {
                socket.setOption(LibC.IPPROTO_IP, LibC.IP_RECVERR, hostInts(1));
            } else {
                socket.setOption(LibC.IPPROTO_IPV6, LibC.IPV6_RECVERR, hostInts(1));
            }
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /** An ICMP filter bitmap of {@code words} 32-bit words: a set bit blocks that type. */
    private static int[] blockAllBut(int[] allowed, int words) {
        int[] bitmap = new int[words];
        Arrays.fill(bitmap, -1);
        for (int type : allowed) {
            bitmap[type >> 5] &= ~(1 << (type & 31));
        }
        return bitmap;
    }

    private static byte[] hostInts(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.nativeOrder());
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    private void setOption(int level, int name, byte[] value) throws IOException {
        try {
            libc.setsockopt(fd, level, name, value, value.length);
        } catch (LastErrorException e) {
            String call = "setsockopt(" + level + ", " + name + "): ";
            throw new IOException(call + KernelErrno.describe(e.getErrorCode()), e);
        }
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean raw() {
        return kind == Kind.RAW;
    }

    @Override
    public void send(InetAddress target, byte[] message) throws IOException {
        byte[] address = Sockaddr.encode(target, 0);
        try {
            libc.sendto(fd, message, new NativeLong(message.length), 0, address, address.length);
        } catch (LastErrorException e) {
            String call = "sendto " + AddressText.of(target) + ": ";
            throw new IOException(call + KernelErrno.describe(e.getErrorCode()), e);
        }
    }

    @Override
    public Optional<IcmpDatagram> receive() throws IOException {
        short events = ready();
        if ((events & LibC.POLLIN) != 0) {
            return receivePacket();
        }
        if ((events & LibC.POLLERR) != 0) {
            return IcmpErrorQueue.read(libc, fd, BUFFER_SIZE);
        }
        return Optional.empty();
    }

    /** poll(2) with timeout 0: the events pending on the socket, without waiting. */
    private short ready() throws IOException {
        ByteBuffer pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        pollfd.putInt(0, fd).putShort(4, (short) (LibC.POLLIN | LibC.POLLERR));
        byte[] bytes = pollfd.array();
        try {
            if (libc.poll(bytes, new NativeLong(1), 0) <= 0) {
                return 0;
            }
        } catch (LastErrorException e) {
            throw new IOException("poll: " + KernelErrno.describe(e.getErrorCode()), e);
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).getShort(6);
    }

    private Optional<IcmpDatagram> receivePacket() throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        byte[] source = new byte[Sockaddr.MAX_LENGTH];
        IntByReference sourceLength = new IntByReference(source.length);
        long length;
        try {
            length = libc.recvfrom(fd, buffer, new NativeLong(buffer.length), 0, source, sourceLength)
                    .longValue();
        } catch (LastErrorException e) {
            if (e.getErrorCode() == KernelErrno.EAGAIN) {
                return Optional.empty();
            }
            throw new IOException("recvfrom: " + KernelErrno.describe(e.getErrorCode()), e);
        }
        InetAddress sender = Sockaddr.decode(source, Math.min(sourceLength.getValue(), source.length));
        return Optional.of(new IcmpDatagram(Arrays.copyOf(buffer, (int) length), sender, Optional.empty()));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                libc.close(fd);
            } catch (LastErrorException ignored) {
                // close(2) releases the descriptor even when it reports an error.
            }
        }
    }
}
