package io.jdirectord.netlink;

import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.ServiceKey;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The IPVS_CMD_ATTR_SERVICE nest (IPVS_SVC_ATTR_*). Port and IPv4 netmask are network order; the IPv6
 * netmask is a host-order prefix length. The kernel's defaults (all-ones mask, prefix 128) read back as
 * an empty netmask, so a service reads back equal to the one that was written.
 */
final class ServiceCodec {

    private static final int AF = 1;
    private static final int PROTOCOL = 2;
    private static final int ADDR = 3;
    private static final int PORT = 4;
    private static final int FWMARK = 5;
    private static final int SCHED_NAME = 6;
    private static final int FLAGS = 7;
    private static final int TIMEOUT = 8;
    private static final int NETMASK = 9;
    static final int STATS = 10;
    private static final int PE_NAME = 11;
    static final int STATS64 = 12;

    private static final int F_PERSISTENT = 0x1;
    private static final int F_ONEPACKET = 0x4;
    /** Scheduler flags 1..3 are IP_VS_SVC_F_SCHED1..3 (0x8, 0x10, 0x20). */
    private static final int SCHED_FLAGS_SHIFT = 3;

    private static final int IPV4_ALL_ONES = 0xffffffff;
    private static final int IPV6_FULL_PREFIX = 128;

    private ServiceCodec() {}

    /** The nest with the identity only: what destination commands, delete and get need. */
    static void writeIdentity(MessageBuilder message, ServiceKey key) {
        message.begin(IpvsGenl.ATTR_SERVICE);
        identity(message, key);
        message.end();
    }

    /** The nest with every setting: what add and edit need. */
    static void writeFull(MessageBuilder message, IpvsService service) {
        ServiceKey key = service.key();
        message.begin(IpvsGenl.ATTR_SERVICE);
        identity(message, key);
        message.string(SCHED_NAME, service.scheduler());
        service.persistenceEngine().ifPresent(engine -> message.string(PE_NAME, engine));
        message.u32Pair(FLAGS, flags(service), 0xffffffff);
        message.u32(TIMEOUT, service.persistence().orElse(0));
        if (key.inet6()) {
            message.u32(NETMASK, service.netmask().orElse(IPV6_FULL_PREFIX));
        } else {
            message.be32(NETMASK, service.netmask().orElse(IPV4_ALL_ONES));
        }
        message.end();
    }

    private static void identity(MessageBuilder message, ServiceKey key) {
        message.u16(AF, key.inet6() ? IpvsGenl.AF_INET6 : IpvsGenl.AF_INET);
        if (key.isFwmark()) {
            message.u32(FWMARK, key.fwmark());
        } else {
            message.u16(PROTOCOL, key.protocol().orElseThrow().number());
            message.bytes(ADDR, InetCodec.encode(key.address().orElseThrow()));
            message.be16(PORT, key.port());
        }
    }

    private static int flags(IpvsService service) {
        int flags = service.schedFlags() << SCHED_FLAGS_SHIFT;
        if (service.persistence().isPresent()) {
            flags |= F_PERSISTENT;
        }
        if (service.onePacket()) {
            flags |= F_ONEPACKET;
        }
        return flags;
    }

    /** Reads a service nest as the kernel reports it. */
    static IpvsService read(Attributes service) throws NetlinkException {
        ServiceKey key = readKey(service);
        int flags = service.u32(FLAGS);
        return new IpvsService(
                key,
                service.string(SCHED_NAME),
                (flags & F_PERSISTENT) != 0 ? OptionalInt.of(service.u32(TIMEOUT)) : OptionalInt.empty(),
                readNetmask(service, key.inet6()),
                (flags & F_ONEPACKET) != 0,
                (flags >>> SCHED_FLAGS_SHIFT) & 7,
                service.optionalString(PE_NAME));
    }

    static ServiceKey readKey(Attributes service) throws NetlinkException {
        int family = service.u16(AF);
        boolean inet6 = family == IpvsGenl.AF_INET6;
        if (service.has(FWMARK) && service.u32(FWMARK) != 0) {
            return ServiceKey.ofFwmark(inet6, service.u32(FWMARK));
        }
        InetAddress address = InetCodec.decode(service, ADDR, family);
        return new ServiceKey(
                inet6, Optional.of(protocol(service.u16(PROTOCOL))), Optional.of(address), service.be16(PORT), 0);
    }

    private static OptionalInt readNetmask(Attributes service, boolean inet6) throws NetlinkException {
        int netmask = inet6 ? service.u32(NETMASK) : service.be32(NETMASK);
        boolean isDefault = inet6 ? netmask == IPV6_FULL_PREFIX : netmask == IPV4_ALL_ONES;
        return isDefault ? OptionalInt.empty() : OptionalInt.of(netmask);
    }

    private static IpvsProtocol protocol(int number) throws NetlinkException {
        for (IpvsProtocol protocol : IpvsProtocol.values()) {
            if (protocol.number() == number) {
                return protocol;
            }
        }
        throw NetlinkException.malformed("a service with IP protocol " + number + ", which is not TCP, UDP or SCTP");
    }
}
