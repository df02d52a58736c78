package io.jdirectord.netlink;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsTunnel;
import io.jdirectord.ipvs.ServiceEntry.DestinationEntry;

/**
 * The IPVS_CMD_ATTR_DEST nest (IPVS_DEST_ATTR_*). Ports (TUN_PORT included) are network order. Tunnel
 * attributes are written only for a tunnel destination that is not plain IP-in-IP, so a kernel older
 * than 5.2 gets nothing it does not know; they read back only for tunnel destinations.
 */
final class DestinationCodec {

    private static final int ADDR = 1;
    private static final int PORT = 2;
    private static final int FWD_METHOD = 3;
    private static final int WEIGHT = 4;
    private static final int U_THRESH = 5;
    private static final int L_THRESH = 6;
    private static final int ACTIVE_CONNS = 7;
    private static final int INACT_CONNS = 8;
    private static final int STATS = 10;
    private static final int ADDR_FAMILY = 11;
    private static final int STATS64 = 12;
    private static final int TUN_TYPE = 13;
    private static final int TUN_PORT = 14;
    private static final int TUN_FLAGS = 15;
    /** IP_VS_CONN_F_FWD_MASK. */
    private static final int FWD_MASK = 7;

    private DestinationCodec() {}

    static void writeIdentity(MessageBuilder message, DestinationKey key) {
        message.begin(IpvsGenl.ATTR_DEST);
        identity(message, key);
        message.end();
    }

    static void writeFull(MessageBuilder message, IpvsDestination destination) {
        message.begin(IpvsGenl.ATTR_DEST);
        identity(message, destination.key());
        message.u32(FWD_METHOD, destination.forwarding().kernelValue())
                .u32(WEIGHT, destination.weight())
                .u32(U_THRESH, destination.upperThreshold())
                .u32(L_THRESH, destination.lowerThreshold());
        if (carriesTunnel(destination)) {
            IpvsTunnel tunnel = destination.tunnel();
            message.u8(TUN_TYPE, tunnel.type().kernelValue())
                    .be16(TUN_PORT, tunnel.port())
                    .u16(TUN_FLAGS, tunnel.flags());
        }
        message.end();
    }

    /** Whether the tunnel attributes are written for this destination. */
    static boolean carriesTunnel(IpvsDestination destination) {
        return destination.forwarding() == ForwardingMethod.TUNNEL
                && !destination.tunnel().equals(IpvsTunnel.IPIP);
    }

    private static void identity(MessageBuilder message, DestinationKey key) {
        message.u16(ADDR_FAMILY, InetCodec.family(key.address()))
                .bytes(ADDR, InetCodec.encode(key.address()))
                .be16(PORT, key.port());
    }

    /**
     * Reads a destination nest as the kernel reports it.
     *
     * @param serviceFamily the address family of the service, used when the kernel (before 3.18) sends
     *                      no family of its own
     */
    static DestinationEntry read(Attributes dest, int serviceFamily) throws NetlinkException {
        int family = dest.has(ADDR_FAMILY) ? dest.u16(ADDR_FAMILY) : serviceFamily;
        DestinationKey key = new DestinationKey(InetCodec.decode(dest, ADDR, family), dest.be16(PORT));
        ForwardingMethod forwarding = forwarding(dest.u32(FWD_METHOD) & FWD_MASK, key);
        IpvsDestination destination = new IpvsDestination(
                key,
                forwarding,
                dest.u32(WEIGHT),
                dest.u32(U_THRESH),
                dest.u32(L_THRESH),
                forwarding == ForwardingMethod.TUNNEL ? tunnel(dest) : IpvsTunnel.IPIP);
        return new DestinationEntry(
                destination, StatsCodec.read(dest, STATS64, STATS), dest.u32(ACTIVE_CONNS), dest.u32(INACT_CONNS));
    }

    private static IpvsTunnel tunnel(Attributes dest) throws NetlinkException {
        if (!dest.has(TUN_TYPE)) {
            return IpvsTunnel.IPIP;
        }
        int type = dest.u8(TUN_TYPE);
        try {
            return new IpvsTunnel(
                    IpvsTunnel.Type.ofKernelValue(type),
                    dest.has(TUN_PORT) ? dest.be16(TUN_PORT) : 0,
                    dest.has(TUN_FLAGS) ? dest.u16(TUN_FLAGS) : 0);
        } catch (IllegalArgumentException e) {
            throw NetlinkException.malformed(
                    "a destination with tunnel type " + type + ", which is not ipip, gue or gre");
        }
    }

    private static ForwardingMethod forwarding(int value, DestinationKey key) throws NetlinkException {
        try {
            return ForwardingMethod.ofKernelValue(value);
        } catch (IllegalArgumentException e) {
            throw NetlinkException.malformed("destination " + key + " has forwarding method " + value
                    + ", which is not masq, local, tunnel or route");
        }
    }
}
