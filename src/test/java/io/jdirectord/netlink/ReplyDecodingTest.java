package io.jdirectord.netlink;

import static io.jdirectord.netlink.IpvsRequestsTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.IpvsStats;
import io.jdirectord.ipvs.IpvsTunnel;
import io.jdirectord.ipvs.ServiceEntry.DestinationEntry;
import io.jdirectord.ipvs.ServiceKey;
import io.jdirectord.ipvs.SyncDaemon;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Services, destinations, stats, daemons and settings decoded from replies a 6.1 kernel sent. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReplyDecodingTest {

    private static Attributes nest(NetlinkMessage message, int type) throws NetlinkException {
        return message.attributes().nested(type);
    }

    private static List<IpvsService> services(String captured) throws NetlinkException {
        List<IpvsService> services = new ArrayList<>();
        for (NetlinkMessage message : CapturedReplies.messages(captured)) {
            services.add(ServiceCodec.read(nest(message, IpvsGenl.ATTR_SERVICE)));
        }
        return services;
    }

    private static List<DestinationEntry> destinations(String captured, int family) throws NetlinkException {
        List<DestinationEntry> entries = new ArrayList<>();
        for (NetlinkMessage message : CapturedReplies.messages(captured)) {
            entries.add(DestinationCodec.read(nest(message, IpvsGenl.ATTR_DEST), family));
        }
        return entries;
    }

    @Test
    void decodesEveryKindOfServiceInADump() throws NetlinkException {
        assertThat(services("services_dump"))
                .containsExactly(
                        new IpvsService(
                                ServiceKey.of(IpvsProtocol.SCTP, ip("192.0.2.1"), 99),
                                "lc",
                                OptionalInt.empty(),
                                OptionalInt.empty(),
                                false,
                                0,
                                Optional.empty()),
                        new IpvsService(
                                ServiceKey.of(IpvsProtocol.UDP, ip("192.0.2.200"), 53),
                                "rr",
                                OptionalInt.of(30),
                                OptionalInt.empty(),
                                true,
                                0,
                                Optional.of("sip")),
                        new IpvsService(
                                ServiceKey.of(IpvsProtocol.TCP, ip("2001:db8::1"), 80),
                                "rr",
                                OptionalInt.of(60),
                                OptionalInt.of(64),
                                false,
                                0,
                                Optional.empty()),
                        new IpvsService(
                                ServiceKey.of(IpvsProtocol.TCP, ip("192.0.2.100"), 80),
                                "wrr",
                                OptionalInt.of(300),
                                OptionalInt.of(0xffffff00),
                                false,
                                0,
                                Optional.empty()),
                        new IpvsService(
                                ServiceKey.ofFwmark(false, 7),
                                "sh",
                                OptionalInt.empty(),
                                OptionalInt.empty(),
                                false,
                                3,
                                Optional.empty()),
                        new IpvsService(
                                ServiceKey.ofFwmark(true, 8),
                                "rr",
                                OptionalInt.empty(),
                                OptionalInt.empty(),
                                false,
                                0,
                                Optional.empty()));
    }

    @Test
    void decodesMasqueradedAndTunnelledDestinations() throws NetlinkException {
        assertThat(destinations("dests_a", IpvsGenl.AF_INET))
                .extracting(DestinationEntry::destination)
                .containsExactly(
                        new IpvsDestination(
                                new DestinationKey(ip("198.51.100.4"), 80),
                                ForwardingMethod.TUNNEL,
                                1,
                                0,
                                0,
                                new IpvsTunnel(IpvsTunnel.Type.GUE, 6080, IpvsTunnel.CSUM)),
                        new IpvsDestination(
                                new DestinationKey(ip("198.51.100.2"), 80), ForwardingMethod.MASQ, 3, 10, 5));
    }

    @Test
    void decodesIpv6Destinations() throws NetlinkException {
        assertThat(destinations("dests_6", IpvsGenl.AF_INET6))
                .extracting(DestinationEntry::destination)
                .containsExactly(new IpvsDestination(
                        new DestinationKey(ip("2001:db8::2"), 80), ForwardingMethod.ROUTE, 1, 0, 0));
    }

    @Test
    void decodesTheReferenceDestinationMessage() throws NetlinkException {
        ByteBuffer message = Hex.buffer("""
                64 01 00 00 20 00 02 00 67 00 00 00 75 00 00 00 05 01 00 00 50 01 02 00 14 00 01 00 c6 33 64 02
                00 00 00 00 00 00 00 00 00 00 00 00 06 00 02 00 00 50 00 00 08 00 03 00 00 00 00 00 08 00 04 00
                03 00 00 00 05 00 0d 00 00 00 00 00 06 00 0e 00 00 00 00 00 06 00 0f 00 00 00 00 00 08 00 05 00
                00 00 00 00 08 00 06 00 00 00 00 00 08 00 07 00 00 00 00 00 08 00 08 00 00 00 00 00 08 00 09 00
                00 00 00 00 06 00 0b 00 02 00 00 00 5c 00 0a 00 08 00 01 00 00 00 00 00 08 00 02 00 00 00 00 00
                08 00 03 00 00 00 00 00 0c 00 04 00 00 00 00 00 00 00 00 00 0c 00 05 00 00 00 00 00 00 00 00 00
                08 00 06 00 00 00 00 00 08 00 07 00 00 00 00 00 08 00 08 00 00 00 00 00 08 00 09 00 00 00 00 00
                08 00 0a 00 00 00 00 00 7c 00 0c 00 0c 00 01 00 00 00 00 00 00 00 00 00 0c 00 02 00 00 00 00 00
                00 00 00 00 0c 00 03 00 00 00 00 00 00 00 00 00 0c 00 04 00 00 00 00 00 00 00 00 00 0c 00 05 00
                00 00 00 00 00 00 00 00 0c 00 06 00 00 00 00 00 00 00 00 00 0c 00 07 00 00 00 00 00 00 00 00 00
                0c 00 08 00 00 00 00 00 00 00 00 00 0c 00 09 00 00 00 00 00 00 00 00 00 0c 00 0a 00 00 00 00 00
                00 00 00 00""");
        DestinationEntry entry =
                DestinationCodec.read(nest(NetlinkMessage.split(message).get(0), IpvsGenl.ATTR_DEST), IpvsGenl.AF_INET);
        assertThat(entry)
                .isEqualTo(new DestinationEntry(
                        new IpvsDestination(new DestinationKey(ip("198.51.100.2"), 80), ForwardingMethod.MASQ, 3, 0, 0),
                        IpvsStats.ZERO,
                        0,
                        0));
    }

    @Test
    void decodesTheCountersOfAServiceAndDestinationThatCarriedTraffic() throws NetlinkException {
        Attributes service =
                nest(CapturedReplies.messages("service_with_traffic").get(0), IpvsGenl.ATTR_SERVICE);
        IpvsStats stats = StatsCodec.read(service, ServiceCodec.STATS64, ServiceCodec.STATS);
        assertThat(List.of(
                        stats.connections(), stats.packetsIn(), stats.packetsOut(), stats.bytesIn(), stats.bytesOut()))
                .containsExactly(5L, 25L, 22L, 1370L, 1175L);
        DestinationEntry dest =
                destinations("destination_with_traffic", IpvsGenl.AF_INET).get(0);
        assertThat(dest.stats()).isEqualTo(stats);
        assertThat(dest.activeConnections() + dest.inactiveConnections()).isEqualTo(5);
    }

    @Test
    void fallsBackToThe32BitCountersAndSkipsPadding() throws NetlinkException {
        byte[] message = new MessageBuilder(Hex.FAMILY, 0, 1, 1)
                .begin(ServiceCodec.STATS)
                .u32(1, 7)
                .u32(2, 70)
                .u32(3, 60)
                .bytes(11, new byte[0])
                .bytes(4, longBytes(7000))
                .bytes(5, longBytes(6000))
                .u32(6, 1)
                .u32(7, 2)
                .u32(8, 3)
                .u32(9, 4)
                .u32(10, 5)
                .end()
                .build();
        Attributes owner = NetlinkMessage.split(ByteBuffer.wrap(message).order(ByteOrder.nativeOrder()))
                .get(0)
                .attributes();
        assertThat(StatsCodec.read(owner, ServiceCodec.STATS64, ServiceCodec.STATS))
                .isEqualTo(new IpvsStats(7, 70, 60, 7000, 6000, 1, 2, 3, 4, 5));
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(8)
                .order(ByteOrder.nativeOrder())
                .putLong(value)
                .array();
    }

    @Test
    void decodesSyncDaemonsTimeoutsAndVersion() throws NetlinkException {
        List<SyncDaemon> daemons = new ArrayList<>();
        for (NetlinkMessage message : CapturedReplies.messages("daemons")) {
            daemons.add(DaemonCodec.read(nest(message, IpvsGenl.ATTR_DAEMON)));
        }
        assertThat(daemons)
                .containsExactly(
                        new SyncDaemon(SyncDaemon.State.MASTER, "dummy0", 5),
                        new SyncDaemon(SyncDaemon.State.BACKUP, "dummy0", 7));
        Attributes config = CapturedReplies.messages("get_config").get(0).attributes();
        assertThat(List.of(
                        config.u32(IpvsGenl.ATTR_TIMEOUT_TCP),
                        config.u32(IpvsGenl.ATTR_TIMEOUT_TCP_FIN),
                        config.u32(IpvsGenl.ATTR_TIMEOUT_UDP)))
                .containsExactly(900, 120, 300);
        Attributes info = CapturedReplies.messages("get_info").get(0).attributes();
        assertThat(info.u32(IpvsGenl.INFO_VERSION)).isEqualTo(0x010201);
        assertThat(info.u32(IpvsGenl.INFO_CONN_TAB_SIZE)).isEqualTo(4096);
    }

    @Test
    void findsTheFamilyIdInTheControllerAnswer() throws NetlinkException {
        assertThat(GenlFamily.id(CapturedReplies.messages("getfamily"))).isEqualTo(0x20);
    }

    @Test
    void refusesAServiceOfAnUnhandledProtocol() {
        byte[] message = new MessageBuilder(Hex.FAMILY, 0, 1, 1)
                .begin(IpvsGenl.ATTR_SERVICE)
                .u16(1, 2)
                .u16(2, 99)
                .bytes(3, new byte[16])
                .be16(4, 80)
                .end()
                .build();
        assertThatThrownBy(() -> ServiceCodec.readKey(
                        NetlinkMessage.split(ByteBuffer.wrap(message).order(ByteOrder.nativeOrder()))
                                .get(0)
                                .attributes()
                                .nested(IpvsGenl.ATTR_SERVICE)))
                .isInstanceOf(NetlinkException.class)
                .hasMessageContaining("IP protocol 99, which is not TCP, UDP or SCTP");
    }
}
