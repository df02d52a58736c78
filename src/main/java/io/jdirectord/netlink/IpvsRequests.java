package io.jdirectord.netlink;

import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.IpvsTimeouts;
import io.jdirectord.ipvs.IpvsTunnel;
import io.jdirectord.ipvs.ServiceKey;
import io.jdirectord.ipvs.SyncDaemon;

/**
 * Encodes the IPVS requests for one resolved family id. Changes and gets ask for an ACK
 * (NLM_F_REQUEST|NLM_F_ACK); dumps add NLM_F_DUMP. Destination commands carry the service identity only.
 */
final class IpvsRequests {

    private static final int ACKED = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;
    private static final int DUMP = ACKED | Netlink.NLM_F_DUMP;

    private final int family;
    private final KernelRelease kernel;

    IpvsRequests(int family, KernelRelease kernel) {
        this.family = family;
        this.kernel = kernel;
    }

    int family() {
        return family;
    }

    /** The request of a table change; fails for tunnel settings this kernel would ignore. */
    byte[] change(int seq, IpvsOp op) throws NetlinkException {
        return switch (op) {
            case IpvsOp.AddService o -> service(seq, IpvsGenl.CMD_NEW_SERVICE, o.service());
            case IpvsOp.EditService o -> service(seq, IpvsGenl.CMD_SET_SERVICE, o.service());
            case IpvsOp.DeleteService o -> identity(seq, IpvsGenl.CMD_DEL_SERVICE, ACKED, o.key());
            case IpvsOp.AddDestination o -> destination(seq, IpvsGenl.CMD_NEW_DEST, o.service(), o.destination());
            case IpvsOp.EditDestination o -> destination(seq, IpvsGenl.CMD_SET_DEST, o.service(), o.destination());
            case IpvsOp.DeleteDestination o -> {
                MessageBuilder message = message(seq, IpvsGenl.CMD_DEL_DEST, ACKED);
                ServiceCodec.writeIdentity(message, o.service());
                DestinationCodec.writeIdentity(message, o.destination());
                yield message.build();
            }
        };
    }

    byte[] getService(int seq, ServiceKey key) {
        return identity(seq, IpvsGenl.CMD_GET_SERVICE, ACKED, key);
    }

    byte[] dumpServices(int seq) {
        return message(seq, IpvsGenl.CMD_GET_SERVICE, DUMP).build();
    }

    byte[] dumpDestinations(int seq, ServiceKey key) {
        return identity(seq, IpvsGenl.CMD_GET_DEST, DUMP, key);
    }

    byte[] startDaemon(int seq, SyncDaemon daemon) {
        MessageBuilder message = message(seq, IpvsGenl.CMD_NEW_DAEMON, ACKED);
        DaemonCodec.writeFull(message, daemon);
        return message.build();
    }

    byte[] stopDaemon(int seq, SyncDaemon.State state) {
        MessageBuilder message = message(seq, IpvsGenl.CMD_DEL_DAEMON, ACKED);
        DaemonCodec.writeState(message, state);
        return message.build();
    }

    byte[] dumpDaemons(int seq) {
        return message(seq, IpvsGenl.CMD_GET_DAEMON, DUMP).build();
    }

    /** Zero timeouts are sent as 0, which the kernel reads as "unchanged". */
    byte[] setTimeouts(int seq, IpvsTimeouts timeouts) {
        return message(seq, IpvsGenl.CMD_SET_CONFIG, ACKED)
                .u32(IpvsGenl.ATTR_TIMEOUT_TCP, timeouts.tcp())
                .u32(IpvsGenl.ATTR_TIMEOUT_TCP_FIN, timeouts.tcpFin())
                .u32(IpvsGenl.ATTR_TIMEOUT_UDP, timeouts.udp())
                .build();
    }

    byte[] getTimeouts(int seq) {
        return message(seq, IpvsGenl.CMD_GET_CONFIG, ACKED).build();
    }

    byte[] getInfo(int seq) {
        return message(seq, IpvsGenl.CMD_GET_INFO, ACKED).build();
    }

    byte[] flush(int seq) {
        return message(seq, IpvsGenl.CMD_FLUSH, ACKED).build();
    }

    private byte[] service(int seq, int command, IpvsService service) {
        MessageBuilder message = message(seq, command, ACKED);
        ServiceCodec.writeFull(message, service);
        return message.build();
    }

    private byte[] destination(int seq, int command, ServiceKey service, IpvsDestination destination)
            throws NetlinkException {
        requireTunnelSupport(destination);
        MessageBuilder message = message(seq, command, ACKED);
        ServiceCodec.writeIdentity(message, service);
        DestinationCodec.writeFull(message, destination);
        return message.build();
    }

    /** GUE needs Linux 5.2; GRE and tunnel checksum flags need 5.3. */
    private void requireTunnelSupport(IpvsDestination destination) throws NetlinkException {
        if (!DestinationCodec.carriesTunnel(destination)) {
            return;
        }
        IpvsTunnel tunnel = destination.tunnel();
        boolean needs53 = tunnel.type() == IpvsTunnel.Type.GRE || tunnel.flags() != 0;
        int minor = needs53 ? 3 : 2;
        if (!kernel.atLeast(5, minor)) {
            throw NetlinkException.unsupported(
                    "tunnel " + tunnel + " needs Linux 5." + minor + " or later; this kernel is " + kernel);
        }
    }

    private byte[] identity(int seq, int command, int flags, ServiceKey key) {
        MessageBuilder message = message(seq, command, flags);
        ServiceCodec.writeIdentity(message, key);
        return message.build();
    }

    private MessageBuilder message(int seq, int command, int flags) {
        return new MessageBuilder(family, flags, seq, command);
    }
}
