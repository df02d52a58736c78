package io.jdirectord.os;

import com.sun.jna.Native;

/**
 * The libc calls of the probe loop's path ({@link Epoll}, {@link TcpSocket}), bound through JNA's direct
 * mapping: a static native method per call, which costs a small part of what {@link LibC}'s interface
 * mapping costs per call (no proxy, no argument array). A probe makes about six of these calls, ten
 * thousand probes a second. Each returns what the call returns; after -1 the call's errno is
 * {@link Native#getLastError()}, kept by JNA per thread. Buffers are passed by address as a long, which is
 * a pointer's width on the 64-bit Linux the package is built for.
 */
final class DirectLibC {

    static {
        Native.register("c");
    }

    private DirectLibC() {}

    static native int socket(int domain, int type, int protocol);

    static native int connect(int fd, byte[] address, int length);

    /** {@code value}: the address of an int; {@code length}: the address of an int holding the value's size. */
    static native int getsockopt(int fd, int level, int option, long value, long length);

    static native long send(int fd, long buffer, long length, int flags);

    static native long read(int fd, long buffer, long length);

    static native long write(int fd, long buffer, long length);

    static native int close(int fd);

    static native int epoll_create1(int flags);

    /** @param event address of a struct epoll_event */
    static native int epoll_ctl(int epfd, int op, int fd, long event);

    /** @param events address of maxEvents struct epoll_event */
    static native int epoll_wait(int epfd, long events, int maxEvents, int timeoutMillis);

    static native int eventfd(int initialValue, int flags);
}
