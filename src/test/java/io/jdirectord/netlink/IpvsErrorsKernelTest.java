package io.jdirectord.netlink;

import static io.jdirectord.netlink.IpvsRequestsTest.ip;
import static io.jdirectord.netlink.IpvsRequestsTest.service;
import static io.jdirectord.netlink.NetlinkIpvsTableKernelTest.TCP_A;
import static io.jdirectord.netlink.NetlinkIpvsTableKernelTest.TCP_V6;
import static io.jdirectord.netlink.NetlinkIpvsTableKernelTest.dest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The kernel's refusals, as the exceptions and messages an operator reads. */
@Tag("kernel")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IpvsErrorsKernelTest extends EmptyKernelTable {

    private static final IpvsDestination DEST = dest("198.51.100.1", 80, ForwardingMethod.MASQ, 1);

    @Test
    void addingAnExistingServiceFailsWithEexist() throws IpvsException {
        table.addService(service(TCP_A, "rr"));
        assertThatThrownBy(() -> table.addService(service(TCP_A, "wrr")))
                .isInstanceOf(IpvsException.class)
                .hasFieldOrPropertyWithValue("errno", IpvsTable.EEXIST)
                .hasMessage("add service -t 192.0.2.10:80 [ipvsadm -A -t 192.0.2.10:80 -s wrr] failed: File exists"
                        + " (EEXIST, errno 17); the service already exists");
    }

    @Test
    void changingAMissingServiceFailsWithEsrch() {
        assertThatThrownBy(() -> table.editService(service(TCP_A, "rr")))
                .hasFieldOrPropertyWithValue("errno", IpvsTable.ESRCH)
                .hasMessageContaining("edit service -t 192.0.2.10:80")
                .hasMessageEndingWith("No such process (ESRCH, errno 3); the service does not exist");
        assertThatThrownBy(() -> table.deleteService(TCP_V6)).hasFieldOrPropertyWithValue("errno", IpvsTable.ESRCH);
        assertThatThrownBy(() -> table.addDestination(TCP_A, DEST))
                .hasFieldOrPropertyWithValue("errno", IpvsTable.ESRCH)
                .hasMessageStartingWith("add destination 198.51.100.1:80 to service -t 192.0.2.10:80");
    }

    @Test
    void addingAnExistingDestinationFailsWithEexist() throws IpvsException {
        table.addService(service(TCP_A, "rr"));
        table.addDestination(TCP_A, DEST);
        assertThatThrownBy(() -> table.addDestination(TCP_A, DEST))
                .hasFieldOrPropertyWithValue("errno", IpvsTable.EEXIST)
                .hasMessageEndingWith("File exists (EEXIST, errno 17); the destination already exists");
    }

    @Test
    void changingAMissingDestinationFailsWithEnoent() throws IpvsException {
        table.addService(service(TCP_A, "rr"));
        assertThatThrownBy(() -> table.editDestination(TCP_A, DEST))
                .hasFieldOrPropertyWithValue("errno", IpvsTable.ENOENT)
                .hasMessageStartingWith("edit destination 198.51.100.1:80 of service -t 192.0.2.10:80")
                .hasMessageEndingWith("(ENOENT, errno 2); the destination does not exist");
        assertThatThrownBy(() -> table.deleteDestination(TCP_A, DEST.key()))
                .hasFieldOrPropertyWithValue("errno", IpvsTable.ENOENT)
                .hasMessageStartingWith("delete destination 198.51.100.1:80 from service -t 192.0.2.10:80");
    }

    @Test
    void anUnknownSchedulerFailsWithEnoentNamingTheScheduler() {
        assertThatThrownBy(() -> table.addService(service(TCP_A, "nosuch")))
                .hasFieldOrPropertyWithValue("errno", IpvsTable.ENOENT)
                .hasMessageContaining("the kernel has no scheduler \"nosuch\" (is the module ip_vs_nosuch installed?)");
        assertThat(KernelTables.saved()).isEmpty();
    }

    @Test
    void thresholdsTheKernelRejectsFailWithErange() throws IpvsException {
        table.addService(service(TCP_A, "rr"));
        IpvsDestination inverted =
                new IpvsDestination(new DestinationKey(ip("198.51.100.1"), 80), ForwardingMethod.MASQ, 1, 10, 20);
        assertThatThrownBy(() -> table.addDestination(TCP_A, inverted))
                .hasFieldOrPropertyWithValue("errno", 34)
                .hasMessageContaining("(ERANGE, errno 34); weight or thresholds out of range");
    }

    @Test
    void aMulticastDestinationFailsWithEinval() throws IpvsException {
        table.addService(service(TCP_A, "rr"));
        assertThatThrownBy(() -> table.addDestination(TCP_A, dest("224.0.0.5", 80, ForwardingMethod.ROUTE, 1)))
                .hasFieldOrPropertyWithValue("errno", 22)
                .hasMessageContaining("Invalid argument (EINVAL, errno 22)");
    }

    @Test
    void aProcessWithoutCapNetAdminIsToldWhatItLacks() {
        List<String> command = new ArrayList<>(List.of(
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "--inh-caps=-all",
                "--bounding-set=-all",
                ProcessHandle.current().info().command().orElseThrow(),
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=/tmp",
                // The unprivileged user cannot write the tests' log in target/: logback would complain on stdout.
                "-Djdirectord.test.log=/dev/null",
                "-cp",
                System.getProperty("java.class.path"),
                PermissionProbe.class.getName()));
        String output = KernelTables.run(command);
        assertThat(output.strip())
                .isEqualTo(
                        "list the IPVS services failed: Operation not permitted (EPERM, errno 1);"
                                + " changing or reading IPVS needs CAP_NET_ADMIN: run as root or grant the capability CAP_NET_ADMIN");
    }
}
