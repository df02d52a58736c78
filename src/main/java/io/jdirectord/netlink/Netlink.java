package io.jdirectord.netlink;

/** Netlink and generic-netlink framing constants (linux/netlink.h, linux/genetlink.h). */
final class Netlink {

    static final int AF_NETLINK = 16;
    static final int NETLINK_GENERIC = 16;

    /** struct nlmsghdr: len u32, type u16, flags u16, seq u32, pid u32, all host order. */
    static final int HEADER_LENGTH = 16;
    /** struct genlmsghdr: cmd u8, version u8, reserved u16. */
    static final int GENL_HEADER_LENGTH = 4;
    /** Offset of the first attribute of a generic-netlink message with hdrsize 0. */
    static final int ATTRIBUTES_OFFSET = HEADER_LENGTH + GENL_HEADER_LENGTH;

    static final int NLM_F_REQUEST = 0x001;
    static final int NLM_F_MULTI = 0x002;
    static final int NLM_F_ACK = 0x004;
    static final int NLM_F_DUMP = 0x300;
    /** On NLMSG_ERROR: the request is not echoed. */
    static final int NLM_F_CAPPED = 0x100;
    /** On NLMSG_ERROR: extended-ACK attributes follow. */
    static final int NLM_F_ACK_TLVS = 0x200;

    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;

    static final int NLA_F_NESTED = 0x8000;
    static final int NLA_TYPE_MASK = 0x3fff;

    /** NLMSGERR_ATTR_MSG: the text of an extended ACK. */
    static final int NLMSGERR_ATTR_MSG = 1;

    /** The generic-netlink controller family and its GETFAMILY exchange. */
    static final int GENL_ID_CTRL = 0x10;

    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;

    private Netlink() {}

    /** NLMSG_ALIGN / NLA_ALIGN: rounds up to a multiple of 4. */
    static int align(int length) {
        return (length + 3) & ~3;
    }
}
