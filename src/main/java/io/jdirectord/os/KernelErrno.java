package io.jdirectord.os;

import java.util.Map;

/** Names and texts of the errno values the kernel's IPVS, netlink and socket calls return (Linux numbering). */
public final class KernelErrno {

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int ENOMEM = 12;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ERANGE = 34;
    public static final int EMSGSIZE = 90;
    public static final int ENOPROTOOPT = 92;
    public static final int EOPNOTSUPP = 95;
    public static final int EAFNOSUPPORT = 97;
    public static final int ENOBUFS = 105;
    public static final int EPIPE = 32;
    public static final int EPROTO = 71;
    public static final int EADDRINUSE = 98;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ENETUNREACH = 101;
    public static final int ECONNRESET = 104;
    public static final int ENOTCONN = 107;
    public static final int ETIMEDOUT = 110;
    public static final int ECONNREFUSED = 111;
    public static final int EHOSTUNREACH = 113;
    public static final int EINPROGRESS = 115;

    private record Entry(String name, String text) {}

    private static final Map<Integer, Entry> ENTRIES = Map.ofEntries(
            Map.entry(EPERM, new Entry("EPERM", "Operation not permitted")),
            Map.entry(ENOENT, new Entry("ENOENT", "No such file or directory")),
            Map.entry(ESRCH, new Entry("ESRCH", "No such process")),
            Map.entry(EINTR, new Entry("EINTR", "Interrupted system call")),
            Map.entry(9, new Entry("EBADF", "Bad file descriptor")),
            Map.entry(EAGAIN, new Entry("EAGAIN", "Resource temporarily unavailable")),
            Map.entry(ENOMEM, new Entry("ENOMEM", "Cannot allocate memory")),
            Map.entry(EACCES, new Entry("EACCES", "Permission denied")),
            Map.entry(EBUSY, new Entry("EBUSY", "Device or resource busy")),
            Map.entry(EEXIST, new Entry("EEXIST", "File exists")),
            Map.entry(ENODEV, new Entry("ENODEV", "No such device")),
            Map.entry(EINVAL, new Entry("EINVAL", "Invalid argument")),
            Map.entry(24, new Entry("EMFILE", "Too many open files")),
            Map.entry(EPIPE, new Entry("EPIPE", "Broken pipe")),
            Map.entry(ERANGE, new Entry("ERANGE", "Numerical result out of range")),
            Map.entry(EPROTO, new Entry("EPROTO", "Protocol error")),
            Map.entry(EMSGSIZE, new Entry("EMSGSIZE", "Message too long")),
            Map.entry(ENOPROTOOPT, new Entry("ENOPROTOOPT", "Protocol not available")),
            Map.entry(93, new Entry("EPROTONOSUPPORT", "Protocol not supported")),
            Map.entry(EOPNOTSUPP, new Entry("EOPNOTSUPP", "Operation not supported")),
            Map.entry(EAFNOSUPPORT, new Entry("EAFNOSUPPORT", "Address family not supported by protocol")),
            Map.entry(EADDRINUSE, new Entry("EADDRINUSE", "Address already in use")),
            Map.entry(EADDRNOTAVAIL, new Entry("EADDRNOTAVAIL", "Cannot assign requested address")),
            Map.entry(ENETUNREACH, new Entry("ENETUNREACH", "Network is unreachable")),
            Map.entry(103, new Entry("ECONNABORTED", "Software caused connection abort")),
            Map.entry(ECONNRESET, new Entry("ECONNRESET", "Connection reset by peer")),
            Map.entry(ENOBUFS, new Entry("ENOBUFS", "No buffer space available")),
            Map.entry(ENOTCONN, new Entry("ENOTCONN", "Transport endpoint is not connected")),
            Map.entry(ETIMEDOUT, new Entry("ETIMEDOUT", "Connection timed out")),
            Map.entry(ECONNREFUSED, new Entry("ECONNREFUSED", "Connection refused")),
            Map.entry(EHOSTUNREACH, new Entry("EHOSTUNREACH", "No route to host")),
            Map.entry(EINPROGRESS, new Entry("EINPROGRESS", "Operation now in progress")));

    private KernelErrno() {}

    /** strerror's text alone, as the JDK's socket exceptions carry it: {@code Connection refused}. */
    public static String text(int errno) {
        Entry entry = ENTRIES.get(errno);
        return entry == null ? "error " + errno : entry.text();
    }

    /** strerror-like text with name and number: {@code File exists (EEXIST, errno 17)}. */
    public static String describe(int errno) {
        Entry entry = ENTRIES.get(errno);
        if (entry == null) {
            return "error " + errno + " (errno " + errno + ")";
        }
        return entry.text() + " (" + entry.name() + ", errno " + errno + ")";
    }
}
