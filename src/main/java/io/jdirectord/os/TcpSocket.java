package io.jdirectord.os;

import com.sun.jna.Native;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;

/**
 * Non-blocking TCP client sockets as bare file descriptors, for a loop on {@link Epoll}: open, connect,
 * send, receive, close, each one system call. Failures are thrown as the JDK's sockets throw them, with
 * the same classes and strerror texts ({@link ConnectException} "Connection refused",
 * {@link NoRouteToHostException}, {@link SocketException} "Connection reset by peer"), so that they are
 * worded as any other check's. Not thread-safe per descriptor.
 */
public final class TcpSocket {

    private static final int SOCK_STREAM = 1;
    private static final int SOL_SOCKET = 1;
    private static final int SO_ERROR = 4;
    private static final int MSG_NOSIGNAL = 0x4000;

    private TcpSocket() {}

    /** A new non-blocking, close-on-exec TCP socket of the family of {@code sockaddr} ({@link #sockaddr}). */
    public static int open(byte[] sockaddr) throws IOException {
        int fd = DirectLibC.socket(Sockaddr.family(sockaddr), SOCK_STREAM | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw failure(Native.getLastError());
        }
        return fd;
    }

    /** The socket address of {@code address} and {@code port} as {@link #open} and {@link #connect} take it (struct sockaddr_in or _in6). */
    public static byte[] sockaddr(InetAddress address, int port) {
        return Sockaddr.encode(address, port);
    }

    /**
     * Starts connecting {@code fd} to {@code sockaddr} ({@link #sockaddr}): true when connected at once, false
     * when in progress (the socket turns writable, {@link Epoll#OUT}, when it is connected, and reports
     * {@link Epoll#ERR} when it failed: then {@link #finishConnect} throws why).
     */
    public static boolean connect(int fd, byte[] sockaddr) throws IOException {
        if (DirectLibC.connect(fd, sockaddr, sockaddr.length) == 0) {
            return true;
        }
        int errno = Native.getLastError();
        if (errno == KernelErrno.EINPROGRESS) {
            return false;
        }
        throw failure(errno);
    }

    /** Throws why the connection of {@code fd} failed, if it did (SO_ERROR). */
    public static void finishConnect(int fd, NativeBuffer scratch) throws IOException {
        scratch.putInt(0, 0);
        scratch.putInt(4, 4);
        if (DirectLibC.getsockopt(fd, SOL_SOCKET, SO_ERROR, scratch.address(0), scratch.address(4)) < 0) {
            throw failure(Native.getLastError());
        }
        int errno = scratch.getInt(0);
        if (errno != 0) {
            throw failure(errno);
        }
    }

    /**
     * Sends {@code bytes[offset, offset + length)} through {@code buffer} (at most its capacity); returns how
     * many were sent, 0 when the socket's send buffer is full (wait for {@link Epoll#OUT}).
     */
    public static int send(int fd, NativeBuffer buffer, byte[] bytes, int offset, int length) throws IOException {
        int n = Math.min(length, buffer.capacity());
        buffer.copyFrom(bytes, offset, n);
        long sent = DirectLibC.send(fd, buffer.address(0), n, MSG_NOSIGNAL);
        if (sent >= 0) {
            return (int) sent;
        }
        int errno = Native.getLastError();
        if (errno == KernelErrno.EAGAIN) {
            return 0;
        }
        throw failure(errno);
    }

    /**
     * Receives at most {@code max} bytes (and the buffer's capacity) into {@code buffer}'s start; returns
     * how many, -1 at the end of the stream, 0 when nothing is waiting (wait for {@link Epoll#IN}).
     */
    public static int receive(int fd, NativeBuffer buffer, int max) throws IOException {
        long n = DirectLibC.read(fd, buffer.address(0), Math.min(max, buffer.capacity()));
        if (n > 0) {
            return (int) n;
        }
        if (n == 0) {
            return -1;
        }
        int errno = Native.getLastError();
        if (errno == KernelErrno.EAGAIN) {
            return 0;
        }
        throw failure(errno);
    }

    /** Closes {@code fd}, which also takes it out of every epoll it was added to. */
    public static void close(int fd) {
        DirectLibC.close(fd);
    }

    /** The exception the JDK's socket channels throw for {@code errno}. */
    static IOException failure(int errno) {
        String text = KernelErrno.text(errno);
        return switch (errno) {
            case KernelErrno.ECONNREFUSED, KernelErrno.ETIMEDOUT, KernelErrno.ENOTCONN -> new ConnectException(text);
            case KernelErrno.EHOSTUNREACH -> new NoRouteToHostException(text);
            case KernelErrno.EADDRINUSE, KernelErrno.EADDRNOTAVAIL, KernelErrno.EACCES -> new BindException(text);
            case KernelErrno.EPROTO -> new ProtocolException(text);
            case KernelErrno.EPIPE -> new IOException(text);
            default -> new SocketException(text);
        };
    }
}
