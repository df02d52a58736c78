package io.jdirectord.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.IpvsTimeouts;
import io.jdirectord.ipvs.IpvsTunnel;
import io.jdirectord.ipvs.ServiceKey;
import io.jdirectord.ipvs.SyncDaemon;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every request against the vectors of the IPVS netlink reference (section 7), which were sent to a 6.1
 * kernel and checked with ipvsadm there: seq 1, family id 0x0020 in place of XXXX.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class IpvsRequestsTest {

    private static final IpvsRequests REQUESTS = new IpvsRequests(Hex.FAMILY, KernelRelease.parse("6.1.0-56-amd64"));
    private static final ServiceKey SERVICE_A = ServiceKey.of(IpvsProtocol.TCP, ip("192.0.2.10"), 80);
    private static final ServiceKey SERVICE_V6 = ServiceKey.of(IpvsProtocol.TCP, ip("2001:db8::1"), 80);
    private static final DestinationKey DEST_B = new DestinationKey(ip("198.51.100.2"), 80);

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static IpvsService service(ServiceKey key, String scheduler) {
        return new IpvsService(key, scheduler, OptionalInt.empty(), OptionalInt.empty(), false, 0, Optional.empty());
    }

    private static void assertBytes(byte[] actual, String vector) {
        assertThat(Hex.of(actual)).isEqualTo(Hex.of(Hex.bytes(vector)));
    }

    @Test
    void encodesAddServiceLikeVectorA() throws NetlinkException {
        assertBytes(
                REQUESTS.change(1, new IpvsOp.AddService(service(SERVICE_A, "wrr"))),
                "68000000XXXX0500010000000000000001010000540001800600010002000000060002000600000014000300c000020a"
                        + "000000000000000000000000060004000050000008000600777272000c00070000000000ffffffff0800080000000000"
                        + "08000900ffffffff");
    }

    @Test
    void encodesAddDestinationWithTheServiceIdentityLikeVectorB() throws NetlinkException {
        IpvsDestination dest = new IpvsDestination(DEST_B, ForwardingMethod.MASQ, 3, 0, 0);
        assertBytes(
                REQUESTS.change(1, new IpvsOp.AddDestination(SERVICE_A, dest)),
                "8c000000XXXX0500010000000000000005010000300001800600010002000000060002000600000014000300c000020a"
                        + "00000000000000000000000006000400005000004800028006000b000200000014000100c633640200000000000000"
                        + "000000000006000200005000000800030000000000080004000300000008000500000000000800060000000000");
    }

    @Test
    void encodesEditDestinationLikeVectorC() throws NetlinkException {
        IpvsDestination dest = new IpvsDestination(DEST_B, ForwardingMethod.MASQ, 0, 0, 0);
        assertBytes(
                REQUESTS.change(1, new IpvsOp.EditDestination(SERVICE_A, dest)),
                "8c000000XXXX0500010000000000000006010000300001800600010002000000060002000600000014000300c000020a"
                        + "00000000000000000000000006000400005000004800028006000b000200000014000100c633640200000000000000"
                        + "000000000006000200005000000800030000000000080004000000000008000500000000000800060000000000");
    }

    @Test
    void encodesPersistentFwmarkServiceLikeVectorD() throws NetlinkException {
        IpvsService fwmark = new IpvsService(
                ServiceKey.ofFwmark(false, 7),
                "rr",
                OptionalInt.of(300),
                OptionalInt.empty(),
                false,
                0,
                Optional.empty());
        assertBytes(
                REQUESTS.change(1, new IpvsOp.AddService(fwmark)),
                "4c000000XXXX0500010000000000000001010000380001800600010002000000080005000700000007000600727200000c"
                        + "00070001000000ffffffff080008002c01000008000900ffffffff");
    }

    @Test
    void encodesDeleteDestinationLikeVectorE() throws NetlinkException {
        assertBytes(
                REQUESTS.change(1, new IpvsOp.DeleteDestination(SERVICE_A, DEST_B)),
                "6c000000XXXX0500010000000000000007010000300001800600010002000000060002000600000014000300c000020a"
                        + "00000000000000000000000006000400005000002800028006000b000200000014000100c63364020000000000000000"
                        + "000000000600020000500000");
    }

    @Test
    void encodesTheFamilyLookupLikeLibnl() {
        assertBytes(GenlFamily.request(1, "IPVS"), "2000000010000500010000000000000003010000090002004950565300000000");
    }

    @Test
    void encodesTheRequestsWithoutAttributes() {
        assertBytes(REQUESTS.flush(1), "14000000XXXX0500010000000000000011010000");
        assertBytes(REQUESTS.getInfo(1), "14000000XXXX050001000000000000000f010000");
        assertBytes(REQUESTS.getTimeouts(1), "14000000XXXX050001000000000000000d010000");
        assertBytes(REQUESTS.dumpServices(1), "14000000XXXX0503010000000000000004010000");
        assertBytes(REQUESTS.dumpDaemons(1), "14000000XXXX050301000000000000000b010000");
    }

    @Test
    void encodesTimeouts() {
        assertBytes(
                REQUESTS.setTimeouts(1, new IpvsTimeouts(900, 120, 300)),
                "2c000000XXXX050001000000000000000c01000008000400840300000800050078000000080006002c010000");
    }

    @Test
    void encodesServiceIdentityRequests() throws NetlinkException {
        String identityA =
                "300001800600010002000000060002000600000014000300c000020a0000000000000000000000000600040000500000";
        assertBytes(REQUESTS.getService(1, SERVICE_A), "44000000XXXX0500010000000000000004010000" + identityA);
        assertBytes(REQUESTS.dumpDestinations(1, SERVICE_A), "44000000XXXX0503010000000000000008010000" + identityA);
        assertBytes(
                REQUESTS.change(1, new IpvsOp.DeleteService(SERVICE_A)),
                "44000000XXXX0500010000000000000003010000" + identityA);
    }

    @Test
    void encodesIpv6ServiceWithPrefixLengthNetmaskInHostOrder() throws NetlinkException {
        assertBytes(
                REQUESTS.change(1, new IpvsOp.AddService(service(SERVICE_V6, "rr"))),
                "68000000XXXX050001000000000000000101000054000180060001000a000000060002000600000014000300"
                        + "20010db8000000000000000000000001060004000050000007000600727200000c00070000000000ffffffff"
                        + "08000800000000000800090080000000");
    }

    @Test
    void encodesIpv6DirectRoutedDestination() throws NetlinkException {
        IpvsDestination dest =
                new IpvsDestination(new DestinationKey(ip("2001:db8::2"), 8080), ForwardingMethod.ROUTE, 1, 0, 0);
        assertBytes(
                REQUESTS.change(1, new IpvsOp.AddDestination(SERVICE_V6, dest)),
                "8c000000XXXX050001000000000000000501000030000180060001000a00000006000200060000001400030020010db8"
                        + "00000000000000000000000106000400005000004800028006000b000a0000001400010020010db80000000000000000"
                        + "00000002060002001f9000000800030003000000080004000100000008000500000000000800060000000000");
    }

    @Test
    void encodesGueTunnelAttributesWithThePortInNetworkOrder() throws NetlinkException {
        IpvsDestination dest = new IpvsDestination(
                new DestinationKey(ip("198.51.100.4"), 80),
                ForwardingMethod.TUNNEL,
                1,
                0,
                0,
                new IpvsTunnel(IpvsTunnel.Type.GUE, 6080, IpvsTunnel.CSUM));
        assertBytes(
                REQUESTS.change(1, new IpvsOp.AddDestination(SERVICE_A, dest)),
                "a4000000XXXX0500010000000000000005010000300001800600010002000000060002000600000014000300c000020a"
                        + "00000000000000000000000006000400005000006000028006000b000200000014000100c633640400000000000000"
                        + "000000000006000200005000000800030002000000080004000100000008000500000000000800060000000000"
                        + "05000d000100000006000e0017c0000006000f0001000000");
    }

    @Test
    void encodesSyncDaemonRequests() {
        assertBytes(
                REQUESTS.startDaemon(1, new SyncDaemon(SyncDaemon.State.MASTER, "dummy0", 1)),
                "34000000XXXX05000100000000000000090100002000038008000100010000000b00020064756d6d793000000800030001000000");
        assertBytes(
                REQUESTS.stopDaemon(1, SyncDaemon.State.MASTER),
                "20000000XXXX050001000000000000000a0100000c0003800800010001000000");
    }

    @Test
    void refusesGueTunnelsOnKernelsOlderThan52() {
        IpvsRequests old = new IpvsRequests(Hex.FAMILY, KernelRelease.parse("4.19.0-27-amd64"));
        IpvsDestination dest = new IpvsDestination(
                DEST_B, ForwardingMethod.TUNNEL, 1, 0, 0, new IpvsTunnel(IpvsTunnel.Type.GUE, 6080, 0));
        assertThatThrownBy(() -> old.change(1, new IpvsOp.AddDestination(SERVICE_A, dest)))
                .isInstanceOf(NetlinkException.class)
                .hasMessageContaining("EOPNOTSUPP")
                .hasMessageContaining("needs Linux 5.2 or later; this kernel is 4.19");
    }

    @Test
    void refusesGreTunnelsAndChecksumFlagsOnKernel52() {
        IpvsRequests old = new IpvsRequests(Hex.FAMILY, KernelRelease.parse("5.2.21"));
        IpvsDestination gre = new IpvsDestination(
                DEST_B, ForwardingMethod.TUNNEL, 1, 0, 0, new IpvsTunnel(IpvsTunnel.Type.GRE, 0, 0));
        assertThatThrownBy(() -> old.change(1, new IpvsOp.EditDestination(SERVICE_A, gre)))
                .hasMessageContaining("needs Linux 5.3");
    }

    @Test
    void sendsNoTunnelAttributesToOldKernelsForPlainIpip() throws NetlinkException {
        IpvsRequests old = new IpvsRequests(Hex.FAMILY, KernelRelease.parse("4.9.0"));
        IpvsDestination ipip = new IpvsDestination(DEST_B, ForwardingMethod.TUNNEL, 1, 0, 0);
        byte[] request = old.change(1, new IpvsOp.AddDestination(SERVICE_A, ipip));
        assertThat(request).hasSize(140);
    }
}
