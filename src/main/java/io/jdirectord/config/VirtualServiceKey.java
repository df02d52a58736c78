package io.jdirectord.config;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The stable identity of a virtual service: protocol, family and either address and port or a firewall
 * mark. {@link #id()} is ldirectord's virtual_id ({@code tcp:192.0.2.1:80}, {@code fwm:7},
 * {@code fwm6:7}); {@link #toString()} the form ldirectord logs ({@code 192.0.2.1:80}, {@code 7}).
 *
 * @param address empty for firewall-mark services
 * @param port    0 for firewall-mark services
 * @param mark    the firewall mark; 0 for address services
 */
public record VirtualServiceKey(Protocol protocol, Family family, Optional<InetAddress> address, int port, int mark) {

    public static VirtualServiceKey ofAddress(Protocol protocol, InetAddress address, int port) {
        Family family = address instanceof java.net.Inet6Address ? Family.INET6 : Family.INET;
        return new VirtualServiceKey(protocol, family, Optional.of(address), port, 0);
    }

    public static VirtualServiceKey ofMark(Family family, int mark) {
        return new VirtualServiceKey(Protocol.FWM, family, Optional.empty(), 0, mark);
    }

    public boolean isFwmark() {
        return protocol == Protocol.FWM;
    }

    /** The address and port; only for address services. */
    public Endpoint endpoint() {
        return new Endpoint(address.orElseThrow(), port);
    }

    /** ldirectord's virtual_id. */
    public String id() {
        if (isFwmark()) {
            return (family == Family.INET6 ? "fwm6:" : "fwm:") + mark;
        }
        return protocol.ldName() + ":" + endpoint();
    }

    @Override
    public String toString() {
        return isFwmark() ? Integer.toString(mark) : endpoint().toString();
    }
}
