package io.jdirectord.netlink;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import io.jdirectord.os.KernelErrno;
import io.jdirectord.os.LibC;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Optional;

/**
 * A NETLINK_GENERIC socket through libc. Not thread-safe: its owner serialises access. The kernel
 * assigns the port id at bind time; requests go to port 0 (the kernel).
 */
final class NetlinkSocket implements NetlinkChannel {

    private static final int SOL_SOCKET = 1;
    private static final int SO_SNDBUF = 7;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_SNDBUFFORCE = 32;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int SOL_NETLINK = 270;
    private static final int NETLINK_CAP_ACK = 10;
    private static final int NETLINK_EXT_ACK = 11;
    private static final int MSG_TRUNC = 0x20;
    private static final int MSG_DONTWAIT = 0x40;
    /** Dump datagrams are at most 32 KiB when the receive buffer offered is at least that large. */
    private static final int DATAGRAM_BUFFER = 64 * 1024;

    private final LibC libc;
    private final int fd;
    private final Duration receiveTimeout;
    private final Memory datagram = new Memory(DATAGRAM_BUFFER);
    private boolean closed;

    private NetlinkSocket(LibC libc, int fd, Duration receiveTimeout) {
        this.libc = libc;
        this.fd = fd;
        this.receiveTimeout = receiveTimeout;
    }

    /**
     * Opens and binds a socket with socket buffers of {@code socketBuffer} bytes (as far as the system
     * allows), capped error echoes, extended ACKs, and the given receive timeout.
     */
    static NetlinkSocket open(int socketBuffer, Duration receiveTimeout) throws NetlinkException {
        LibC libc = LibC.INSTANCE;
        int fd;
        try {
            fd = libc.socket(Netlink.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, Netlink.NETLINK_GENERIC);
        } catch (LastErrorException e) {
            throw NetlinkException.system("socket(AF_NETLINK, NETLINK_GENERIC)", e.getErrorCode());
        }
        NetlinkSocket socket = new NetlinkSocket(libc, fd, receiveTimeout);
        try {
            socket.configure(socketBuffer);
        } catch (NetlinkException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    private void configure(int socketBuffer) throws NetlinkException {
        try {
            libc.bind(fd, kernelAddress(), 12);
            bufferSize(SO_SNDBUFFORCE, SO_SNDBUF, socketBuffer);
            bufferSize(SO_RCVBUFFORCE, SO_RCVBUF, socketBuffer);
            ByteBuffer timeval = ByteBuffer.allocate(16)
                    .order(ByteOrder.nativeOrder())
                    .putLong(receiveTimeout.toSeconds())
                    .putLong(receiveTimeout.toMillisPart() * 1000L);
            libc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeval.array(), 16);
        } catch (LastErrorException e) {
            throw NetlinkException.system("bind/setsockopt on the netlink socket", e.getErrorCode());
        }
        optionalFlag(NETLINK_CAP_ACK);
        optionalFlag(NETLINK_EXT_ACK);
    }

    /** The forcing option needs CAP_NET_ADMIN and passes net.core.*mem_max; the plain one is capped by it. */
    private void bufferSize(int forceOption, int option, int size) {
        byte[] value = intValue(size);
        try {
            libc.setsockopt(fd, SOL_SOCKET, forceOption, value, 4);
        } catch (LastErrorException e) {
            libc.setsockopt(fd, SOL_SOCKET, option, value, 4);
        }
    }

    /** Options older kernels lack (capped ACKs since 4.3, extended ACKs since 4.12). */
    private void optionalFlag(int option) {
        try {
            libc.setsockopt(fd, SOL_NETLINK, option, intValue(1), 4);
        } catch (LastErrorException e) {
            // Without it the kernel echoes whole requests in errors, or sends no error text: both are read.
        }
    }

    @Override
    public void send(byte[] message) throws NetlinkException {
        try {
            long sent = libc.sendto(fd, message, new NativeLong(message.length), 0, kernelAddress(), 12)
                    .longValue();
            if (sent != message.length) {
                throw NetlinkException.malformed("sendto took " + sent + " of " + message.length + " bytes");
            }
        } catch (LastErrorException e) {
            throw NetlinkException.system("sendto", e.getErrorCode());
        }
    }

    @Override
    public ByteBuffer receive() throws NetlinkException {
        Optional<ByteBuffer> datagram = read(0);
        if (datagram.isEmpty()) {
            String call = "recvfrom: no answer from the kernel within " + receiveTimeout.toMillis() + " ms";
            throw NetlinkException.system(call, KernelErrno.EAGAIN);
        }
        return datagram.get();
    }

    @Override
    public Optional<ByteBuffer> poll() throws NetlinkException {
        return read(MSG_DONTWAIT);
    }

    private Optional<ByteBuffer> read(int flags) throws NetlinkException {
        while (true) {
            try {
                long length = libc.recvfrom(
                                fd, datagram, new NativeLong(DATAGRAM_BUFFER), flags | MSG_TRUNC, null, null)
                        .longValue();
                if (length > DATAGRAM_BUFFER) {
                    throw NetlinkException.malformed("a datagram of " + length + " bytes exceeded the receive buffer");
                }
                byte[] received = datagram.getByteArray(0, (int) length);
                return Optional.of(ByteBuffer.wrap(received).order(ByteOrder.nativeOrder()));
            } catch (LastErrorException e) {
                if (e.getErrorCode() == KernelErrno.EAGAIN) {
                    return Optional.empty();
                }
                if (e.getErrorCode() != KernelErrno.EINTR) {
                    throw NetlinkException.system("recvfrom", e.getErrorCode());
                }
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                libc.close(fd);
            } catch (LastErrorException e) {
                // Nothing is pending on a netlink socket; a failed close leaves nothing to undo.
            }
        }
    }

    /** struct sockaddr_nl with pid 0: the kernel as destination, or "assign me a port" in bind. */
    private static byte[] kernelAddress() {
        return ByteBuffer.allocate(12)
                .order(ByteOrder.nativeOrder())
                .putShort((short) Netlink.AF_NETLINK)
                .array();
    }

    private static byte[] intValue(int value) {
        return ByteBuffer.allocate(4)
                .order(ByteOrder.nativeOrder())
                .putInt(value)
                .array();
    }
}
