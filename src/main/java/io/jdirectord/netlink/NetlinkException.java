package io.jdirectord.netlink;

import io.jdirectord.os.KernelErrno;

/**
 * A failed netlink exchange: an error the kernel answered (NLMSG_ERROR), a failed system call, or a
 * reply this adapter cannot read.
 */
final class NetlinkException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int errno;

    private NetlinkException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    /** The kernel refused a request with -errno; detail is the extended-ACK text, or empty. */
    static NetlinkException kernel(int errno, String detail) {
        return new NetlinkException(KernelErrno.describe(errno) + (detail.isEmpty() ? "" : ": " + detail), errno);
    }

    /** A request this kernel would not carry out faithfully, refused before sending it. */
    static NetlinkException unsupported(String why) {
        return kernel(KernelErrno.EOPNOTSUPP, why);
    }

    /** A system call failed with errno. */
    static NetlinkException system(String call, int errno) {
        return new NetlinkException(call + ": " + KernelErrno.describe(errno), errno);
    }

    /** A reply that does not follow the protocol. */
    static NetlinkException malformed(String what) {
        return new NetlinkException("unreadable netlink reply: " + what, 0);
    }

    /** The positive errno, or 0 for a malformed reply. */
    int errno() {
        return errno;
    }
}
