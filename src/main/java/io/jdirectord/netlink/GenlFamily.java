package io.jdirectord.netlink;

import java.util.List;

/** Resolving a generic-netlink family id by name through the controller (CTRL_CMD_GETFAMILY). */
final class GenlFamily {

    private GenlFamily() {}

    static byte[] request(int seq, String name) {
        return new MessageBuilder(
                        Netlink.GENL_ID_CTRL,
                        Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK,
                        seq,
                        Netlink.CTRL_CMD_GETFAMILY)
                .string(Netlink.CTRL_ATTR_FAMILY_NAME, name)
                .build();
    }

    /** The family id in the controller's NEWFAMILY answer. */
    static int id(List<NetlinkMessage> answers) throws NetlinkException {
        for (NetlinkMessage answer : answers) {
            if (answer.type() == Netlink.GENL_ID_CTRL) {
                return answer.attributes().u16(Netlink.CTRL_ATTR_FAMILY_ID);
            }
        }
        throw NetlinkException.malformed("the controller acknowledged GETFAMILY without a family");
    }
}
