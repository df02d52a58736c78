package io.jdirectord.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import org.jspecify.annotations.Nullable;

/**
 * The binding of the libc calls jdirectord makes itself (netlink, ICMP and unix datagram sockets) but for
 * the probe loop's, which are made ten thousand times a second and so go through {@link DirectLibC},
 * with the Linux constants they take. Every call that can fail throws {@link LastErrorException}
 * carrying errno. size_t and ssize_t are mapped to NativeLong, which has their width on Linux.
 */
public interface LibC extends Library {

    LibC INSTANCE = Native.load("c", LibC.class);

    int AF_UNIX = 1;
    int AF_INET = 2;
    int AF_INET6 = 10;
    int SOCK_DGRAM = 2;
    int SOCK_RAW = 3;
    int SOCK_NONBLOCK = 0x800;
    int SOCK_CLOEXEC = 0x80000;
    int IPPROTO_IP = 0;
    int IPPROTO_ICMP = 1;
    int IPPROTO_IPV6 = 41;
    int IPPROTO_ICMPV6 = 58;
    int SOL_RAW = 255;
    int ICMP_FILTER = 1;
    int ICMP6_FILTER = 1;
    int IP_RECVERR = 11;
    int IPV6_RECVERR = 25;
    int MSG_ERRQUEUE = 0x2000;
    int MSG_DONTWAIT = 0x40;
    int MSG_NOSIGNAL = 0x4000;
    short POLLIN = 0x1;
    short POLLERR = 0x8;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] address, int addressLength) throws LastErrorException;

    int setsockopt(int fd, int level, int option, byte[] value, int valueLength) throws LastErrorException;

    NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address, int addressLength)
            throws LastErrorException;

    NativeLong recvfrom(
            int fd,
            Pointer buffer,
            NativeLong length,
            int flags,
            @Nullable Pointer address,
            @Nullable Pointer addressLength)
            throws LastErrorException;

    NativeLong recvfrom(
            int fd, byte[] buffer, NativeLong length, int flags, byte[] address, IntByReference addressLength)
            throws LastErrorException;

    NativeLong recvmsg(int fd, MsgHdr message, int flags) throws LastErrorException;

    /** @param fds struct pollfd[]: int fd, short events, short revents (8 bytes each, host order) */
    int poll(byte[] fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int O_RDWR = 2;

    int open(String path, int flags) throws LastErrorException;

    int dup2(int from, int to) throws LastErrorException;

    int setsid() throws LastErrorException;

    /** struct iovec. */
    @Structure.FieldOrder({"base", "length"})
    final class IoVec extends Structure {
        public @Nullable Pointer base;
        public @Nullable NativeLong length;
    }

    /** struct msghdr. */
    @Structure.FieldOrder({"name", "nameLength", "iov", "iovLength", "control", "controlLength", "flags"})
    final class MsgHdr extends Structure {
        public @Nullable Pointer name;
        public int nameLength;
        public @Nullable Pointer iov;
        public @Nullable NativeLong iovLength;
        public @Nullable Pointer control;
        public @Nullable NativeLong controlLength;
        public int flags;
    }
}
