package io.jdirectord.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads one entry of a ping socket's error queue (recvmsg with MSG_ERRQUEUE, IP_RECVERR/IPV6_RECVERR
 * set): the echo request that failed, and from the sock_extended_err control message the ICMP type,
 * code and the address that reported it.
 */
final class IcmpErrorQueue {

    private static final int SO_EE_ORIGIN_ICMP = 2;
    private static final int SO_EE_ORIGIN_ICMP6 = 3;
    /** sizeof(struct sock_extended_err): u32 errno, u8 origin, type, code, pad, u32 info, u32 data. */
    private static final int EXTENDED_ERR_SIZE = 16;

    private static final int CONTROL_SIZE = 512;

    private IcmpErrorQueue() {}

    /** @return empty when the queue is empty or its entry is not an ICMP error */
    static Optional<IcmpDatagram> read(LibC libc, int fd, int bufferSize) throws IOException {
        Memory data = new Memory(bufferSize);
        Memory control = new Memory(CONTROL_SIZE);
        control.clear();
        LibC.IoVec iov = new LibC.IoVec();
        iov.base = data;
        iov.length = new NativeLong(bufferSize);
        iov.write();
        LibC.MsgHdr message = new LibC.MsgHdr();
        message.iov = iov.getPointer();
        message.iovLength = new NativeLong(1);
        message.control = control;
        message.controlLength = new NativeLong(CONTROL_SIZE);
        long length;
        try {
            length = libc.recvmsg(fd, message, LibC.MSG_ERRQUEUE).longValue();
        } catch (LastErrorException e) {
            if (e.getErrorCode() == KernelErrno.EAGAIN) {
                return Optional.empty();
            }
            throw new IOException("recvmsg(MSG_ERRQUEUE): " + KernelErrno.describe(e.getErrorCode()), e);
        }
        byte[] request = data.getByteArray(0, (int) length);
        return extendedError(control, message.controlLength.longValue())
                .map(error -> new IcmpDatagram(request, error.offender(), Optional.of(error.queued())));
    }

    private record ExtendedError(IcmpDatagram.QueuedError queued, InetAddress offender) {}

    /** Walks the control messages (struct cmsghdr: size_t len, int level, int type, data aligned to size_t). */
    private static Optional<ExtendedError> extendedError(Memory control, long controlLength)
            throws UnknownHostException {
        int sizeT = Native.SIZE_T_SIZE;
        int headerSize = align(sizeT + 8, sizeT);
        long offset = 0;
        while (offset + headerSize <= controlLength) {
            long cmsgLength = sizeT == 8 ? control.getLong(offset) : control.getInt(offset);
            int level = control.getInt(offset + sizeT);
            int type = control.getInt(offset + sizeT + 4);
            boolean recvErr = (level == LibC.IPPROTO_IP && type == LibC.IP_RECVERR)
                    || (level == LibC.IPPROTO_IPV6 && type == LibC.IPV6_RECVERR);
            if (recvErr && cmsgLength >= headerSize + EXTENDED_ERR_SIZE) {
                return decode(control, offset + headerSize, (int) (cmsgLength - headerSize));
            }
            if (cmsgLength < headerSize) {
                break;
            }
            offset += align((int) cmsgLength, sizeT);
        }
        return Optional.empty();
    }

    private static Optional<ExtendedError> decode(Memory control, long at, int length) throws UnknownHostException {
        int origin = control.getByte(at + 4) & 0xff;
        if (origin != SO_EE_ORIGIN_ICMP && origin != SO_EE_ORIGIN_ICMP6) {
            return Optional.empty();
        }
        int type = control.getByte(at + 5) & 0xff;
        int code = control.getByte(at + 6) & 0xff;
        int sockaddrLength = Math.min(length - EXTENDED_ERR_SIZE, Sockaddr.MAX_LENGTH);
        byte[] sockaddr = control.getByteArray(at + EXTENDED_ERR_SIZE, sockaddrLength);
        InetAddress offender = Sockaddr.decode(sockaddr, sockaddrLength);
        return Optional.of(new ExtendedError(new IcmpDatagram.QueuedError(type, code), offender));
    }

    private static int align(int length, int to) {
        return (length + to - 1) & -to;
    }
}
