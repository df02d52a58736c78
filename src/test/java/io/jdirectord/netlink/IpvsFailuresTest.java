package io.jdirectord.netlink;

import static io.jdirectord.netlink.IpvsRequestsTest.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.ServiceKey;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class IpvsFailuresTest {

    private static final ServiceKey MARK = ServiceKey.ofFwmark(true, 12);
    private static final ServiceKey UDP = ServiceKey.of(IpvsProtocol.UDP, ip("192.0.2.5"), 5060);

    @Test
    void namesAnUnknownSchedulerAndPersistenceEngine() {
        IpvsService sip =
                new IpvsService(UDP, "wlcx", OptionalInt.of(60), OptionalInt.empty(), false, 0, Optional.of("sip"));
        IpvsException failure = IpvsFailures.of(new IpvsOp.EditService(sip), NetlinkException.kernel(2, ""));
        assertThat(failure)
                .hasMessage("edit service -u 192.0.2.5:5060 [ipvsadm -E -u 192.0.2.5:5060 -s wlcx -p 60"
                        + " --pe sip] failed: No such file or directory (ENOENT, errno 2); the kernel has no scheduler \"wlcx\""
                        + " or persistence engine \"sip\" (is the module ip_vs_wlcx installed?)");
        assertThat(failure.errno()).isEqualTo(2);
    }

    @Test
    void namesServiceAndDestinationOfADestinationFailure() {
        IpvsException failure = IpvsFailures.of(
                new IpvsOp.DeleteDestination(MARK, new DestinationKey(ip("2001:db8::9"), 0)),
                NetlinkException.kernel(3, ""));
        assertThat(failure)
                .hasMessage("delete destination [2001:db8::9]:0 from service -f 12 -6"
                        + " [ipvsadm -d -f 12 -6 -r [2001:db8::9]:0] failed: No such process (ESRCH, errno 3);"
                        + " the service does not exist");
    }

    @Test
    void carriesTheExtendedAckTextAndUnknownErrnos() {
        assertThat(IpvsFailures.of(
                        "set the IPVS timeouts", NetlinkException.kernel(34, "Attribute failed policy validation")))
                .hasMessage("set the IPVS timeouts failed: Numerical result out of range (ERANGE, errno 34):"
                        + " Attribute failed policy validation");
        assertThat(IpvsFailures.of("flush the IPVS table", NetlinkException.kernel(133, "")))
                .hasMessage("flush the IPVS table failed: error 133 (errno 133)");
    }

    @Test
    void reportsAnUnreadableReplyWithoutAnErrno() {
        IpvsException failure =
                IpvsFailures.of("list the IPVS services", NetlinkException.malformed("attribute 7 is missing"));
        assertThat(failure)
                .hasMessage("list the IPVS services failed: unreadable netlink reply: attribute 7 is missing");
        assertThat(failure.errno()).isZero();
    }
}
