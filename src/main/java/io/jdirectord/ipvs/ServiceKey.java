package io.jdirectord.ipvs;

import io.jdirectord.net.AddressText;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Identifies an IPVS virtual service the way the kernel does: protocol, address and port, or a firewall
 * mark with an address family.
 *
 * @param inet6    address family (fwmark services carry one too)
 * @param protocol empty for fwmark services
 * @param address  empty for fwmark services
 * @param port     0 for fwmark services
 * @param fwmark   0 for address services
 */
public record ServiceKey(
        boolean inet6, Optional<IpvsProtocol> protocol, Optional<InetAddress> address, int port, int fwmark) {

    public static ServiceKey of(IpvsProtocol protocol, InetAddress address, int port) {
        return new ServiceKey(address instanceof Inet6Address, Optional.of(protocol), Optional.of(address), port, 0);
    }

    public static ServiceKey ofFwmark(boolean inet6, int fwmark) {
        return new ServiceKey(inet6, Optional.empty(), Optional.empty(), 0, fwmark);
    }

    public boolean isFwmark() {
        return fwmark != 0;
    }

    /** The ipvsadm arguments naming this service: {@code -t 192.0.2.1:80}, {@code -f 7 -6}. */
    public String ipvsadmArgs() {
        if (isFwmark()) {
            return "-f " + fwmark + (inet6 ? " -6" : "");
        }
        return protocol.orElseThrow().ipvsadmOption() + " " + hostPort(address.orElseThrow(), port);
    }

    @Override
    public String toString() {
        return ipvsadmArgs();
    }

    /** {@code 192.0.2.1:80} or {@code [2001:db8::1]:80}. */
    public static String hostPort(InetAddress address, int port) {
        return AddressText.withPort(address, port);
    }
}
