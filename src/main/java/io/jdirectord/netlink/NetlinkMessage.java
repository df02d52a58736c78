package io.jdirectord.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One netlink message received from the kernel.
 *
 * @param type    family id, or NLMSG_ERROR / NLMSG_DONE
 * @param flags   nlmsg_flags
 * @param seq     the sequence number of the request it answers
 * @param payload everything after the 16-byte header, host order
 */
record NetlinkMessage(int type, int flags, int seq, ByteBuffer payload) {

    /** Splits a datagram into its messages; each starts at the aligned end of the previous one. */
    static List<NetlinkMessage> split(ByteBuffer datagram) throws NetlinkException {
        ByteBuffer data = datagram.duplicate().order(ByteOrder.nativeOrder());
        List<NetlinkMessage> messages = new ArrayList<>();
        int offset = data.position();
        while (data.limit() - offset >= Netlink.HEADER_LENGTH) {
            int length = data.getInt(offset);
            if (length < Netlink.HEADER_LENGTH || length > data.limit() - offset) {
                throw NetlinkException.malformed("message length " + length + " with " + (data.limit() - offset)
                        + " bytes left in the datagram");
            }
            messages.add(new NetlinkMessage(
                    Short.toUnsignedInt(data.getShort(offset + 4)),
                    Short.toUnsignedInt(data.getShort(offset + 6)),
                    data.getInt(offset + 8),
                    data.slice(offset + Netlink.HEADER_LENGTH, length - Netlink.HEADER_LENGTH)
                            .order(ByteOrder.nativeOrder())));
            offset += Netlink.align(length);
        }
        return messages;
    }

    boolean isError() {
        return type == Netlink.NLMSG_ERROR;
    }

    boolean isDone() {
        return type == Netlink.NLMSG_DONE;
    }

    /** The genlmsghdr command of a generic-netlink message. */
    int command() throws NetlinkException {
        requirePayload(Netlink.GENL_HEADER_LENGTH);
        return Byte.toUnsignedInt(payload.get(0));
    }

    /** The top-level attributes of a generic-netlink message. */
    Attributes attributes() throws NetlinkException {
        requirePayload(Netlink.GENL_HEADER_LENGTH);
        return Attributes.parse(
                payload.duplicate().order(ByteOrder.nativeOrder()).position(Netlink.GENL_HEADER_LENGTH));
    }

    /**
     * The status of an NLMSG_ERROR or NLMSG_DONE message: 0 for an ACK or a complete dump, otherwise the
     * positive errno.
     */
    int errno() throws NetlinkException {
        requirePayload(4);
        return -payload.getInt(0);
    }

    /** The extended-ACK text of an NLMSG_ERROR, or empty. */
    String extAckMessage() throws NetlinkException {
        if ((flags & Netlink.NLM_F_ACK_TLVS) == 0) {
            return "";
        }
        requirePayload(4 + Netlink.HEADER_LENGTH);
        int echoed = (flags & Netlink.NLM_F_CAPPED) != 0 ? Netlink.HEADER_LENGTH : payload.getInt(4);
        int tlvs = 4 + Netlink.align(echoed);
        if (tlvs > payload.limit()) {
            throw NetlinkException.malformed("error message shorter than its echoed request");
        }
        Attributes attributes = Attributes.parse(
                payload.duplicate().order(ByteOrder.nativeOrder()).position(tlvs));
        return attributes.optionalString(Netlink.NLMSGERR_ATTR_MSG).orElse("");
    }

    private void requirePayload(int length) throws NetlinkException {
        if (payload.limit() < length) {
            throw NetlinkException.malformed(
                    "message type " + type + " with a payload of " + payload.limit() + " bytes");
        }
    }
}
