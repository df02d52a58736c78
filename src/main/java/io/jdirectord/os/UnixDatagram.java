package io.jdirectord.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Sends single datagrams to a unix socket (systemd's $NOTIFY_SOCKET and journal, syslog's /dev/log), which the JDK
 * cannot do. A path starting with '@' names the abstract namespace. One socket per send: every use sends
 * rarely, and a fresh socket needs no reconnect logic when the receiver restarts.
 */
public final class UnixDatagram {

    private static final int SUN_PATH_OFFSET = 2;
    private static final int SUN_PATH_MAX = 108;

    private UnixDatagram() {}

    /**
     * Sends {@code payload} as one datagram to the socket at {@code path}.
     *
     * @throws IOException with the errno text when the socket cannot be reached
     */
    public static void send(String path, byte[] payload) throws IOException {
        send(path, payload, 0);
    }

    /**
     * Like {@link #send(String, byte[])} but fails with EAGAIN instead of waiting when the receiver's queue is full, for
     * callers that must not stall when the receiver does (the journal).
     *
     * @throws IOException with the errno text when the socket cannot be reached or is full
     */
    public static void sendWithoutWaiting(String path, byte[] payload) throws IOException {
        send(path, payload, LibC.MSG_DONTWAIT);
    }

    private static void send(String path, byte[] payload, int flags) throws IOException {
        byte[] address = socketAddress(path);
        int fd;
        try {
            fd = LibC.INSTANCE.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException("socket(AF_UNIX): " + KernelErrno.describe(e.getErrorCode()), e);
        }
        try {
            LibC.INSTANCE.sendto(
                    fd, payload, new NativeLong(payload.length), LibC.MSG_NOSIGNAL | flags, address, address.length);
        } catch (LastErrorException e) {
            throw new IOException("send to " + path + ": " + KernelErrno.describe(e.getErrorCode()), e);
        } finally {
            LibC.INSTANCE.close(fd);
        }
    }

    /** struct sockaddr_un for {@code path}, sized to the path (abstract names have no terminating NUL). */
    static byte[] socketAddress(String path) {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        boolean isAbstract = path.startsWith("@");
        if (name.length == 0 || name.length >= SUN_PATH_MAX) {
            throw new IllegalArgumentException("unix socket path empty or longer than 107 bytes: " + path);
        }
        byte[] address = new byte[SUN_PATH_OFFSET + name.length + (isAbstract ? 0 : 1)];
        address[0] = (byte) LibC.AF_UNIX;
        System.arraycopy(name, 0, address, SUN_PATH_OFFSET, name.length);
        if (isAbstract) {
            address[SUN_PATH_OFFSET] = 0;
        }
        return address;
    }
}
