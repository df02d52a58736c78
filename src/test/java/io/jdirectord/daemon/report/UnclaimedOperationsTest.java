package io.jdirectord.daemon.report;

import static io.jdirectord.testing.EngineFixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsProtocol;
import io.jdirectord.ipvs.OpResult;
import io.jdirectord.ipvs.ServiceKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class UnclaimedOperationsTest {

    private static final ServiceKey WEB = ServiceKey.of(IpvsProtocol.TCP, ip("192.0.2.10"), 80);
    private static final ServiceKey ALT = ServiceKey.of(IpvsProtocol.TCP, ip("192.0.2.11"), 80);
    private static final DestinationKey ONE = new DestinationKey(ip("10.0.0.1"), 80);
    private static final DestinationKey TWO = new DestinationKey(ip("10.0.0.2"), 80);

    private static IpvsDestination destination(DestinationKey key, int weight) {
        return new IpvsDestination(key, ForwardingMethod.ROUTE, weight, 0, 0);
    }

    @Test
    void givesAClaimTheOperationsOnItsDestinationWithoutRetries() {
        OpResult retried = new OpResult(
                new IpvsOp.AddDestination(WEB, destination(ONE, 1)), OpResult.Outcome.RETRIED, Optional.empty());
        OpResult edit = OpResult.applied(new IpvsOp.EditDestination(WEB, destination(ONE, 1)));
        OpResult other = OpResult.applied(new IpvsOp.DeleteDestination(WEB, TWO));
        TransitionLines.Unclaimed unclaimed = new TransitionLines.Unclaimed(List.of(retried, edit, other));

        assertThat(unclaimed.claim(WEB, ONE)).containsExactly(edit);
        assertThat(unclaimed.claim(WEB, ONE)).isEmpty();
        assertThat(unclaimed.claim(ALT, TWO)).isEmpty();
        assertThat(unclaimed.rest()).containsExactly(other);
    }

    @Test
    void leavesServiceOperationsAndUnclaimedDestinationsInTheirOrder() {
        OpResult deleteService = OpResult.applied(new IpvsOp.DeleteService(ALT));
        OpResult add = OpResult.applied(new IpvsOp.AddDestination(WEB, destination(TWO, 1)));
        OpResult delete = OpResult.applied(new IpvsOp.DeleteDestination(WEB, ONE));
        TransitionLines.Unclaimed unclaimed = new TransitionLines.Unclaimed(List.of(deleteService, add, delete));

        assertThat(unclaimed.claim(WEB, ONE)).containsExactly(delete);
        assertThat(unclaimed.rest()).containsExactly(deleteService, add);
    }
}
