package io.jdirectord.netlink;

/** The IPVS generic-netlink family: commands and top-level attributes (linux/ip_vs.h). */
final class IpvsGenl {

    static final String FAMILY_NAME = "IPVS";

    static final int CMD_NEW_SERVICE = 1;
    static final int CMD_SET_SERVICE = 2;
    static final int CMD_DEL_SERVICE = 3;
    static final int CMD_GET_SERVICE = 4;
    static final int CMD_NEW_DEST = 5;
    static final int CMD_SET_DEST = 6;
    static final int CMD_DEL_DEST = 7;
    static final int CMD_GET_DEST = 8;
    static final int CMD_NEW_DAEMON = 9;
    static final int CMD_DEL_DAEMON = 10;
    static final int CMD_GET_DAEMON = 11;
    static final int CMD_SET_CONFIG = 12;
    static final int CMD_GET_CONFIG = 13;
    static final int CMD_GET_INFO = 15;
    static final int CMD_FLUSH = 17;

    /** Top-level attributes (IPVS_CMD_ATTR_*). */
    static final int ATTR_SERVICE = 1;

    static final int ATTR_DEST = 2;
    static final int ATTR_DAEMON = 3;
    static final int ATTR_TIMEOUT_TCP = 4;
    static final int ATTR_TIMEOUT_TCP_FIN = 5;
    static final int ATTR_TIMEOUT_UDP = 6;

    /** Attributes of the GET_INFO answer (IPVS_INFO_ATTR_*). */
    static final int INFO_VERSION = 1;

    static final int INFO_CONN_TAB_SIZE = 2;

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    private IpvsGenl() {}
}
