package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The failsafe and the quorum of the fallback in the whole engine ({@link EngineScenario}), time moved by the test. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SafeguardScenarioTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String SERVICE = "ipvsadm -A -t 192.0.2.10:80 -s wrr";
    private static final String FALLBACK = "ipvsadm -a -t 192.0.2.10:80 -r 127.0.0.9:80 -m -w 1";

    /** Four real servers probed every second, out after one failure; failsafe at half of them. */
    private static final String FOUR = """
            checkinterval=1
            failsafe=50
            virtual=192.0.2.10:80
                real=10.0.0.1:80 masq
                real=10.0.0.2:80 masq
                real=10.0.0.3:80 masq
                real=10.0.0.4:80 masq
                checktype=connect
            """;

    @RegisterExtension
    final EngineScenario engine = new EngineScenario();

    private static String real(int last) {
        return "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0." + last + ":80 -m -w 1";
    }

    private void startFour(String configuration) throws Exception {
        engine.startFirstRound(configuration);
        engine.awaitTable(SERVICE, real(1), real(2), real(3), real(4));
    }

    /** Takes .2 and .3 out: half of the four, within the failsafe's 50%, so the change goes through. */
    private void halfDown() {
        engine.checks.down("10.0.0.2:80", "connection refused");
        engine.checks.down("10.0.0.3:80", "connection refused");
        engine.advance(SECOND);
        engine.awaitTable(SERVICE, real(1), real(4));
    }

    @Test
    void failsafeKeepsTheRealServersListedOnceMoreThanItsShareIsDownAndLetsGoWhenEnoughAreBack() throws Exception {
        startFour(FOUR);
        halfDown();

        engine.checks.down("10.0.0.4:80", "connection refused");
        engine.advance(SECOND);

        engine.awaitEvent("failsafe holds tcp:192.0.2.10:80: 3 of 4");
        assertThat(engine.table()).containsExactlyInAnyOrder(SERVICE, real(1), real(4));
        assertThat(engine.monitor.failsafe().values())
                .extracting(h -> h.describe())
                .containsExactly("3 of 4 real servers are down (75% > 50%)");

        engine.checks.up("10.0.0.2:80");
        engine.advance(SECOND);

        engine.awaitTable(SERVICE, real(1), real(2));
        engine.awaitEvent("failsafe released tcp:192.0.2.10:80");
        assertThat(engine.monitor.failsafe()).isEmpty();
    }

    @Test
    void aReloadWithoutFailsafeReleasesTheHold() throws Exception {
        startFour(FOUR);
        halfDown();
        engine.checks.down("10.0.0.4:80", "connection refused");
        engine.advance(SECOND);
        engine.awaitEvent("failsafe holds tcp:192.0.2.10:80: 3 of 4");

        engine.reload(FOUR.replace("failsafe=50\n", ""));

        engine.awaitTable(SERVICE, real(1));
        engine.awaitEvent("failsafe released tcp:192.0.2.10:80");
    }

    @Test
    void theFallbackComesInBelowTheQuorumAndTheRealServersStillUpLeave() throws Exception {
        startFour("""
                checkinterval=1
                virtual=192.0.2.10:80
                    real=10.0.0.1:80 masq
                    real=10.0.0.2:80 masq
                    real=10.0.0.3:80 masq
                    real=10.0.0.4:80 masq
                    checktype=connect
                    fallback=127.0.0.9:80 masq
                    fallbackcommand=/usr/local/sbin/web-failover
                    quorum=3
                    hysteresis=1
                """);
        engine.fallbackCommands.clear();
        engine.checks.down("10.0.0.3:80", "connection refused");
        engine.checks.down("10.0.0.4:80", "connection refused");
        engine.advance(SECOND);
        engine.awaitTable(SERVICE, real(1), real(2));

        engine.checks.down("10.0.0.2:80", "connection refused");
        engine.advance(SECOND);

        engine.awaitTable(SERVICE, FALLBACK);
        engine.awaitFallbackCommands("/usr/local/sbin/web-failover start 192.0.2.10:80 tcp");

        engine.checks.up("10.0.0.2:80");
        engine.checks.up("10.0.0.3:80");
        engine.advance(SECOND);
        engine.advance(SECOND);
        assertThat(engine.table()).containsExactly(SERVICE, FALLBACK);

        engine.checks.up("10.0.0.4:80");
        engine.advance(SECOND);

        engine.awaitTable(SERVICE, real(1), real(2), real(3), real(4));
        engine.awaitFallbackCommands(
                "/usr/local/sbin/web-failover start 192.0.2.10:80 tcp",
                "/usr/local/sbin/web-failover stop 192.0.2.10:80 tcp");
    }
}
