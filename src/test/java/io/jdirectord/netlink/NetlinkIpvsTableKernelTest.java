package io.jdirectord.netlink;

import static io.jdirectord.netlink.IpvsRequestsTest.ip;
import static io.jdirectord.netlink.IpvsRequestsTest.service;
import static io.jdirectord.netlink.KernelTables.ipvsadm;
import static io.jdirectord.netlink.KernelTables.listed;
import static io.jdirectord.netlink.KernelTables.saved;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.IpvsTunnel;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceEntry.DestinationEntry;
import io.jdirectord.ipvs.ServiceKey;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every table operation against the real kernel, each checked through ipvsadm's own view. */
@Tag("kernel")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetlinkIpvsTableKernelTest extends EmptyKernelTable {

    static final ServiceKey TCP_A = ServiceKey.of(IpvsProtocol.TCP, ip("192.0.2.10"), 80);
    static final ServiceKey TCP_V6 = ServiceKey.of(IpvsProtocol.TCP, ip("2001:db8::1"), 443);

    static IpvsService persistent(ServiceKey key, String scheduler, int timeout, int netmask) {
        return new IpvsService(
                key, scheduler, OptionalInt.of(timeout), OptionalInt.of(netmask), false, 0, Optional.empty());
    }

    static IpvsDestination dest(String address, int port, ForwardingMethod method, int weight) {
        return new IpvsDestination(new DestinationKey(ip(address), port), method, weight, 0, 0);
    }

    @Test
    void reportsTheVersionAndConnectionTableSizeIpvsadmShows() throws IpvsException {
        String header = ipvsadm("-L", "-n").lines().findFirst().orElseThrow();
        var info = table.info();
        assertThat(header)
                .isEqualTo("IP Virtual Server version " + info.versionText() + " (size=" + info.connectionTableSize()
                        + ")");
        assertThat(info.versionText()).isEqualTo("1.2.1");
    }

    @Test
    void addsEveryKindOfServiceAsIpvsadmWouldHave() throws IpvsException {
        List<IpvsService> services = List.of(
                persistent(TCP_A, "wrr", 300, 0xffffff00),
                new IpvsService(
                        ServiceKey.of(IpvsProtocol.UDP, ip("192.0.2.11"), 53),
                        "rr",
                        OptionalInt.of(30),
                        OptionalInt.empty(),
                        true,
                        0,
                        Optional.of("sip")),
                service(ServiceKey.of(IpvsProtocol.SCTP, ip("192.0.2.12"), 9899), "lc"),
                new IpvsService(
                        ServiceKey.ofFwmark(false, 7),
                        "sh",
                        OptionalInt.empty(),
                        OptionalInt.empty(),
                        false,
                        3,
                        Optional.empty()),
                service(ServiceKey.ofFwmark(true, 8), "mh"),
                persistent(TCP_V6, "sed", 60, 64));
        for (IpvsService service : services) {
            table.addService(service);
        }
        assertThat(saved())
                .containsExactlyInAnyOrder(
                        "-A -t 192.0.2.10:80 -s wrr -p 300 -M 255.255.255.0",
                        "-A -u 192.0.2.11:53 -s rr -p 30 --pe sip -o",
                        "-A --sctp-service 192.0.2.12:9899 -s lc",
                        "-A -f 7 -s sh -b sh-fallback,sh-port",
                        "-A -f 8 -6 -s mh",
                        "-A -t [2001:db8::1]:443 -s sed -p 60 -M 64");
        assertThat(table.services()).extracting(ServiceEntry::service).containsExactlyInAnyOrderElementsOf(services);
    }

    @Test
    void editsAndDeletesServices() throws IpvsException {
        table.addService(service(TCP_A, "wlc"));
        table.addService(persistent(TCP_V6, "rr", 60, 64));
        table.editService(persistent(TCP_A, "wrr", 120, 0xffff0000));
        table.editService(service(TCP_V6, "lc"));
        assertThat(saved())
                .containsExactlyInAnyOrder(
                        "-A -t 192.0.2.10:80 -s wrr -p 120 -M 255.255.0.0", "-A -t [2001:db8::1]:443 -s lc");
        table.deleteService(TCP_A);
        assertThat(saved()).containsExactly("-A -t [2001:db8::1]:443 -s lc");
    }

    @Test
    void addsDestinationsWithEveryForwardingMethod() throws IpvsException {
        table.addService(service(TCP_A, "wrr"));
        List<IpvsDestination> dests = List.of(
                dest("198.51.100.1", 8080, ForwardingMethod.MASQ, 3),
                dest("198.51.100.2", 80, ForwardingMethod.ROUTE, 0),
                dest("198.51.100.3", 80, ForwardingMethod.TUNNEL, 1),
                new IpvsDestination(
                        new DestinationKey(ip("198.51.100.4"), 80),
                        ForwardingMethod.TUNNEL,
                        2,
                        0,
                        0,
                        new IpvsTunnel(IpvsTunnel.Type.GUE, 6080, IpvsTunnel.CSUM)),
                new IpvsDestination(
                        new DestinationKey(ip("198.51.100.5"), 80),
                        ForwardingMethod.TUNNEL,
                        4,
                        0,
                        0,
                        new IpvsTunnel(IpvsTunnel.Type.GRE, 0, IpvsTunnel.CSUM)),
                dest("198.51.100.6", 80, ForwardingMethod.LOCAL, 5));
        for (IpvsDestination dest : dests) {
            table.addDestination(TCP_A, dest);
        }
        assertThat(listed("--tun-info"))
                .containsExactly(
                        "TCP 192.0.2.10:80 wrr",
                        "-> 198.51.100.1:8080 Masq n/a 3 0 0",
                        "-> 198.51.100.2:80 Route n/a 0 0 0",
                        "-> 198.51.100.3:80 Tunnel ipip 1 0 0",
                        "-> 198.51.100.4:80 Tunnel gue:6080:+c 2 0 0",
                        "-> 198.51.100.5:80 Tunnel gre:+c 4 0 0",
                        "-> 198.51.100.6:80 Local n/a 5 0 0");
        assertThat(table.destinations(TCP_A))
                .extracting(DestinationEntry::destination)
                .containsExactlyInAnyOrderElementsOf(dests);
    }

    @Test
    void editsDestinationWeightAndThresholdsAndDeletesIt() throws IpvsException {
        table.addService(service(TCP_V6, "wlc"));
        IpvsDestination dest =
                new IpvsDestination(new DestinationKey(ip("2001:db8::2"), 8443), ForwardingMethod.MASQ, 1, 0, 0);
        table.addDestination(TCP_V6, dest);
        IpvsDestination edited = new IpvsDestination(dest.key(), ForwardingMethod.ROUTE, 7, 100, 50);
        table.editDestination(TCP_V6, edited);
        assertThat(listed("--thresholds")).contains("-> [2001:db8::2]:8443 100 50 0 0");
        assertThat(saved()).contains("-a -t [2001:db8::1]:443 -r [2001:db8::2]:8443 -g -w 7");
        assertThat(table.destinations(TCP_V6))
                .extracting(DestinationEntry::destination)
                .containsExactly(edited);
        table.deleteDestination(TCP_V6, dest.key());
        assertThat(saved()).containsExactly("-A -t [2001:db8::1]:443 -s wlc");
    }

    @Test
    void servesFwmarkServicesWithPortlessDestinations() throws IpvsException {
        ServiceKey mark = ServiceKey.ofFwmark(false, 7);
        table.addService(persistent(mark, "rr", 300, 0xffffffff));
        table.addDestination(mark, dest("198.51.100.7", 0, ForwardingMethod.ROUTE, 1));
        assertThat(saved()).containsExactly("-A -f 7 -s rr -p 300", "-a -f 7 -r 198.51.100.7:0 -g -w 1");
        assertThat(table.service(mark))
                .map(ServiceEntry::service)
                .contains(new IpvsService(
                        mark, "rr", OptionalInt.of(300), OptionalInt.empty(), false, 0, Optional.empty()));
    }

    @Test
    void readsOneServiceWithItsDestinationsAndNothingForAnUnknownOne() throws IpvsException {
        table.addService(service(TCP_A, "rr"));
        table.addDestination(TCP_A, dest("198.51.100.1", 80, ForwardingMethod.MASQ, 2));
        Optional<ServiceEntry> entry = table.service(TCP_A);
        assertThat(entry).isPresent();
        assertThat(entry.get().destinations())
                .extracting(DestinationEntry::destination)
                .containsExactly(dest("198.51.100.1", 80, ForwardingMethod.MASQ, 2));
        assertThat(table.service(TCP_V6)).isEmpty();
        assertThat(table.destinations(TCP_V6)).isEmpty();
    }
}
