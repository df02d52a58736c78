package io.jdirectord.decision;

import io.jdirectord.config.VirtualServiceKey;

/**
 * One run of a virtual service's fallbackcommand that the daemon should perform.
 *
 * @param virtual     the virtual service
 * @param action      start (no real server up any more: below the quorum) or stop (back at it)
 * @param commandLine the shell command line, as ldirectord builds it:
 *                    {@code <fallbackcommand> start|stop <vip>:<vport> <protocol>}; an IPv6 address is in
 *                    brackets and a fwmark service gives {@code :0 fwm} (ldirectord's exact form)
 */
public record FallbackCommand(VirtualServiceKey virtual, Action action, String commandLine) {

    public enum Action {
        START,
        STOP;

        /** The word passed to the command. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
