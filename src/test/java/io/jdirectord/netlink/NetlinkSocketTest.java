package io.jdirectord.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jdirectord.ipvs.IpvsUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JNA socket against this machine's kernel, through what needs no privilege and no IPVS. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class NetlinkSocketTest {

    @Test
    void resolvesTheGenericNetlinkControllerThroughTheRealSocket() throws NetlinkException {
        try (NetlinkSocket socket = NetlinkSocket.open(NetlinkIpvsTable.SOCKET_BUFFER, Duration.ofSeconds(5))) {
            GenlConnection connection = new GenlConnection(socket, 1);
            assertThat(GenlFamily.id(connection.request(GenlFamily.request(connection.nextSeq(), "nlctrl"))))
                    .isEqualTo(Netlink.GENL_ID_CTRL);
        }
    }

    @Test
    void answersAnUnknownFamilyWithEnoent() throws NetlinkException {
        try (NetlinkSocket socket = NetlinkSocket.open(NetlinkIpvsTable.SOCKET_BUFFER, Duration.ofSeconds(5))) {
            GenlConnection connection = new GenlConnection(socket, 1);
            assertThatThrownBy(() -> connection.request(GenlFamily.request(connection.nextSeq(), "no-such-family")))
                    .isInstanceOf(NetlinkException.class)
                    .hasMessage("No such file or directory (ENOENT, errno 2)");
        }
    }

    @Test
    void givesUpWaitingAfterTheReceiveTimeout() throws NetlinkException {
        try (NetlinkSocket socket = NetlinkSocket.open(NetlinkIpvsTable.SOCKET_BUFFER, Duration.ofMillis(200))) {
            assertThat(socket.poll()).isEmpty();
            long start = System.nanoTime();
            assertThatThrownBy(socket::receive)
                    .hasMessageContaining("no answer from the kernel within 200 ms")
                    .hasMessageContaining("EAGAIN");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(150L, 5000L);
        }
    }

    @Test
    void saysHowToLoadIpvsOnAKernelWithoutIt() throws IOException {
        assumeFalse(Files.exists(Path.of("/proc/net/ip_vs")), "this kernel has IPVS");
        Path modules = Path.of(
                "/lib/modules",
                Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim(),
                "modules.dep");
        assumeFalse(
                Files.exists(modules) && Files.readString(modules).contains("/ip_vs.ko"),
                "resolving IPVS here would load the ip_vs module");
        assertThatThrownBy(NetlinkIpvsTable::open)
                .isInstanceOf(IpvsUnavailableException.class)
                .hasMessage("IPVS is not available: load the ip_vs module (modprobe ip_vs)");
    }
}
