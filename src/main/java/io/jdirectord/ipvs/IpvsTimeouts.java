package io.jdirectord.ipvs;

/**
 * Connection timeouts of the kernel in seconds (ipvsadm --set tcp tcpfin udp). When setting, 0 leaves
 * that timeout unchanged.
 */
public record IpvsTimeouts(int tcp, int tcpFin, int udp) {

    public IpvsTimeouts {
        if (tcp < 0 || tcpFin < 0 || udp < 0) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }

    /** The ipvsadm command that sets these timeouts, for log lines. */
    public String ipvsadmCommand() {
        return IpvsadmFormat.setTimeouts(this);
    }
}
