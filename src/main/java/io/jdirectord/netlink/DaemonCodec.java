package io.jdirectord.netlink;

import io.jdirectord.ipvs.SyncDaemon;

/** The IPVS_CMD_ATTR_DAEMON nest (IPVS_DAEMON_ATTR_*): the settings every kernel knows. */
final class DaemonCodec {

    private static final int STATE = 1;
    private static final int MCAST_IFN = 2;
    private static final int SYNC_ID = 3;

    private DaemonCodec() {}

    static void writeFull(MessageBuilder message, SyncDaemon daemon) {
        message.begin(IpvsGenl.ATTR_DAEMON)
                .u32(STATE, daemon.state().kernelValue())
                .string(MCAST_IFN, daemon.interfaceName())
                .u32(SYNC_ID, daemon.syncId())
                .end();
    }

    static void writeState(MessageBuilder message, SyncDaemon.State state) {
        message.begin(IpvsGenl.ATTR_DAEMON).u32(STATE, state.kernelValue()).end();
    }

    static SyncDaemon read(Attributes daemon) throws NetlinkException {
        int state = daemon.u32(STATE);
        try {
            return new SyncDaemon(SyncDaemon.State.ofKernelValue(state), daemon.string(MCAST_IFN), daemon.u32(SYNC_ID));
        } catch (IllegalArgumentException e) {
            throw NetlinkException.malformed("sync daemon: " + e.getMessage());
        }
    }
}
