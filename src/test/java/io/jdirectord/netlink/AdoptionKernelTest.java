package io.jdirectord.netlink;

import static io.jdirectord.netlink.IpvsRequestsTest.ip;
import static io.jdirectord.netlink.KernelTables.ipvsadm;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.IpvsTunnel;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceEntry.DestinationEntry;
import io.jdirectord.ipvs.ServiceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A table someone else made with ipvsadm: read exactly, left untouched, and written back unchanged. */
@Tag("kernel")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdoptionKernelTest extends EmptyKernelTable {

    private static final ServiceKey WEB = ServiceKey.of(IpvsProtocol.TCP, ip("192.0.2.100"), 80);
    private static final ServiceKey V6 = ServiceKey.of(IpvsProtocol.TCP, ip("2001:db8::1"), 80);

    @BeforeEach
    void fillTheTableWithIpvsadm() {
        for (String rule : List.of(
                "-A -t 192.0.2.100:80 -s wrr -p 300 -M 255.255.255.0",
                "-a -t 192.0.2.100:80 -r 198.51.100.2:80 -m -w 3 -x 10 -y 5",
                "-a -t 192.0.2.100:80 -r 198.51.100.4:80 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum",
                "-a -t 192.0.2.100:80 -r 198.51.100.6:80 -g -w 0",
                "-A -u 192.0.2.200:53 -s rr -p 30 --pe sip -o",
                "-A -t [2001:db8::1]:80 -s sh -b sh-port -p 60 -M 64",
                "-a -t [2001:db8::1]:80 -r [2001:db8::2]:80 -g -w 1",
                "-A -f 7 -s mh -b mh-fallback",
                "-a -f 7 -r 198.51.100.7:0 -i -w 2 --tun-type gre",
                "-A -f 8 -6 -s rr")) {
            ipvsadm(rule.split(" "));
        }
    }

    private static List<String> observed() {
        List<String> view = new ArrayList<>(KernelTables.saved());
        view.addAll(KernelTables.listed("--thresholds"));
        view.addAll(KernelTables.listed("--tun-info"));
        return view;
    }

    @Test
    void readsEverySettingIpvsadmMade() throws IpvsException {
        Map<ServiceKey, ServiceEntry> services = table.services().stream()
                .collect(Collectors.toMap(entry -> entry.service().key(), entry -> entry));
        assertThat(services).hasSize(5);
        assertThat(services.get(WEB).service())
                .isEqualTo(new IpvsService(
                        WEB, "wrr", OptionalInt.of(300), OptionalInt.of(0xffffff00), false, 0, Optional.empty()));
        assertThat(services.get(WEB).destinations())
                .extracting(DestinationEntry::destination)
                .containsExactlyInAnyOrder(
                        new IpvsDestination(
                                new DestinationKey(ip("198.51.100.2"), 80), ForwardingMethod.MASQ, 3, 10, 5),
                        new IpvsDestination(
                                new DestinationKey(ip("198.51.100.4"), 80),
                                ForwardingMethod.TUNNEL,
                                1,
                                0,
                                0,
                                new IpvsTunnel(IpvsTunnel.Type.GUE, 6080, IpvsTunnel.CSUM)),
                        new IpvsDestination(
                                new DestinationKey(ip("198.51.100.6"), 80), ForwardingMethod.ROUTE, 0, 0, 0));
        ServiceKey udp = ServiceKey.of(IpvsProtocol.UDP, ip("192.0.2.200"), 53);
        assertThat(services.get(udp).service())
                .isEqualTo(new IpvsService(
                        udp, "rr", OptionalInt.of(30), OptionalInt.empty(), true, 0, Optional.of("sip")));
        assertThat(services.get(V6).service())
                .isEqualTo(
                        new IpvsService(V6, "sh", OptionalInt.of(60), OptionalInt.of(64), false, 2, Optional.empty()));
        ServiceKey mark = ServiceKey.ofFwmark(false, 7);
        assertThat(services.get(mark).service().schedFlags()).isEqualTo(1);
        assertThat(services.get(mark).destinations())
                .extracting(DestinationEntry::destination)
                .containsExactly(new IpvsDestination(
                        new DestinationKey(ip("198.51.100.7"), 0),
                        ForwardingMethod.TUNNEL,
                        2,
                        0,
                        0,
                        new IpvsTunnel(IpvsTunnel.Type.GRE, 0, 0)));
        assertThat(services).containsKey(ServiceKey.ofFwmark(true, 8));
    }

    @Test
    void readingChangesNothing() throws IpvsException {
        List<String> before = observed();
        table.services();
        table.service(WEB);
        table.destinations(V6);
        table.info();
        assertThat(observed()).isEqualTo(before);
    }

    @Test
    void writingBackWhatWasReadChangesNothing() throws IpvsException {
        List<String> before = observed();
        List<IpvsOp> rewrite = new ArrayList<>();
        for (ServiceEntry entry : table.services()) {
            rewrite.add(new IpvsOp.EditService(entry.service()));
            for (DestinationEntry dest : entry.destinations()) {
                rewrite.add(new IpvsOp.EditDestination(entry.service().key(), dest.destination()));
            }
        }
        assertThat(table.apply(rewrite)).hasSize(10).allMatch(Optional::isEmpty);
        assertThat(observed()).isEqualTo(before);
    }
}
