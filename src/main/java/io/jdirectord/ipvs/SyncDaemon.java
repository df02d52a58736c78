package io.jdirectord.ipvs;

import java.util.Objects;

/**
 * A connection synchronisation daemon of the kernel (ipvsadm --start-daemon).
 *
 * @param state         master sends connection updates, backup receives them
 * @param interfaceName multicast interface, at most 15 characters
 * @param syncId        0..255; 0 on a backup accepts every id
 */
public record SyncDaemon(State state, String interfaceName, int syncId) {

    public SyncDaemon {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(interfaceName, "interfaceName");
        if (interfaceName.isEmpty() || interfaceName.length() > 15) {
            throw new IllegalArgumentException("interface name must have 1 to 15 characters: " + interfaceName);
        }
        if (syncId < 0 || syncId > 255) {
            throw new IllegalArgumentException("syncid must be 0..255: " + syncId);
        }
    }

    /** The ipvsadm command that starts this daemon, for log lines. */
    public String ipvsadmCommand() {
        return IpvsadmFormat.startDaemon(this);
    }

    /** IP_VS_STATE_* values. */
    public enum State {
        MASTER(1),
        BACKUP(2);

        private final int kernelValue;

        State(int kernelValue) {
            this.kernelValue = kernelValue;
        }

        public int kernelValue() {
            return kernelValue;
        }

        public static State ofKernelValue(int value) {
            for (State state : values()) {
                if (state.kernelValue == value) {
                    return state;
                }
            }
            throw new IllegalArgumentException("unknown sync daemon state: " + value);
        }
    }
}
