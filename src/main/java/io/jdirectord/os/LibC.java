package io.jdirectord.netlink;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** The libc socket calls the netlink adapter needs; errno arrives as {@link LastErrorException}. */
interface LibC extends Library {

    LibC INSTANCE = Native.load("c", LibC.class);

    int SOCK_DGRAM = 2;
    int SOCK_RAW = 3;
    int SOCK_NONBLOCK = 0x800;
    int SOCK_CLOEXEC = 0x80000;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] address, int addressLength) throws LastErrorException;

    int getsockname(int fd, byte[] address, IntByReference addressLength) throws LastErrorException;

    int setsockopt(int fd, int level, int option, byte[] value, int valueLength) throws LastErrorException;

    NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address, int addressLength)
            throws LastErrorException;

    NativeLong recvfrom(int fd, Pointer buffer, NativeLong length, int flags, Pointer address, Pointer addressLength)
            throws LastErrorException;

    int close(int fd) throws LastErrorException;
}
