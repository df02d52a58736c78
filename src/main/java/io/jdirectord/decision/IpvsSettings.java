package io.jdirectord.decision;

import io.jdirectord.config.Fallback;
import io.jdirectord.config.Family;
import io.jdirectord.config.Forwarding;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.PortForcing;
import io.jdirectord.ipvs.ServiceKey;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How configuration values map to IPVS settings (as ldirectord sets them): service key, scheduler, persistence
 * (netmask only with persistence), one-packet scheduling only for UDP, scheduler flag names to bits,
 * forwarding names to methods.
 */
public final class IpvsSettings {

    private IpvsSettings() {}

    public static ServiceKey serviceKey(VirtualServiceKey key) {
        if (key.isFwmark()) {
            return ServiceKey.ofFwmark(key.family() == Family.INET6, key.mark());
        }
        IpvsProtocol protocol = key.protocol() == Protocol.UDP ? IpvsProtocol.UDP : IpvsProtocol.TCP;
        return ServiceKey.of(protocol, key.address().orElseThrow(), key.port());
    }

    /** The service settings of a virtual service; see {@link #schedFlags} for the flags. */
    public static IpvsService service(VirtualService virtual) {
        OptionalInt persistence = virtual.persistence()
                .map(p -> OptionalInt.of(p.timeoutSeconds()))
                .orElse(OptionalInt.empty());
        OptionalInt netmask = virtual.persistence().map(p -> p.netmask()).orElse(OptionalInt.empty());
        boolean onePacket = virtual.onePacket() && virtual.key().protocol() == Protocol.UDP;
        int flags = virtual.schedFlags().map(IpvsSettings::schedFlags).orElse(0);
        return new IpvsService(
                serviceKey(virtual.key()),
                virtual.scheduler(),
                persistence,
                netmask,
                onePacket,
                flags,
                Optional.empty());
    }

    /**
     * The bits of a {@code schedflags} value: comma-separated names, sh-fallback and mh-fallback = 1,
     * sh-port and mh-port = 2, flag-1 = 1, flag-2 = 2, flag-3 = 4 (ipvsadm's names).
     *
     * @throws IllegalArgumentException naming the first unknown flag; the daemon validates configurations
     *                                  with this at load time
     */
    public static int schedFlags(String names) {
        int bits = 0;
        for (String name : names.split(",")) {
            bits |= switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "sh-fallback", "mh-fallback", "flag-1" -> 1;
                case "sh-port", "mh-port", "flag-2" -> 2;
                case "flag-3" -> 4;
                case "" -> 0;
                default -> throw new IllegalArgumentException("unknown scheduler flag: " + name.trim());
            };
        }
        return bits;
    }

    public static ForwardingMethod forwarding(Forwarding forwarding) {
        return switch (forwarding) {
            case GATE -> ForwardingMethod.ROUTE;
            case MASQ -> ForwardingMethod.MASQ;
            case IPIP -> ForwardingMethod.TUNNEL;
        };
    }

    /** The key a real server has in the table of {@code virtual}, after {@link PortForcing}. */
    public static DestinationKey destinationKey(VirtualService virtual, RealServer real) {
        return PortForcing.effectiveKey(
                serviceKey(virtual.key()),
                new DestinationKey(real.address(), real.port()),
                forwarding(real.forwarding()));
    }

    /**
     * The key the fallback server has in the table of {@code virtual}: a fallback without a port takes
     * the virtual's port, then {@link PortForcing}.
     */
    public static DestinationKey fallbackKey(VirtualService virtual, Fallback fallback) {
        int port = fallback.endpoint().port() == 0
                ? virtual.key().port()
                : fallback.endpoint().port();
        return PortForcing.effectiveKey(
                serviceKey(virtual.key()),
                new DestinationKey(fallback.endpoint().address(), port),
                forwarding(fallback.forwarding()));
    }
}
