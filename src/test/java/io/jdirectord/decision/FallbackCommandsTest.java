package io.jdirectord.decision;

import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.fwmark;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static io.jdirectord.testing.EngineFixtures.udp;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.Family;
import io.jdirectord.config.VirtualService;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.decision.FallbackCommand.Action;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FallbackCommandsTest {

    /** Given whether a real server is up and the last action run, then this command runs (or none). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            entering no real up runs start     | no  | STOP  | /etc/fb.sh start 192.0.2.10:80 tcp
            leaving no real up runs stop       | yes | START | /etc/fb.sh stop 192.0.2.10:80 tcp
            staying without reals runs nothing | no  | START | -
            staying with reals runs nothing    | yes | STOP  | -
            first decision without reals       | no  | -     | /etc/fb.sh start 192.0.2.10:80 tcp
            first decision with reals          | yes | -     | /etc/fb.sh stop 192.0.2.10:80 tcp
            """)
    void runsTheCommandWhenTheServiceEntersOrLeavesHavingNoRealServerUp(
            String description, String realUp, Action lastRun, String expected) {
        VirtualService virtual =
                tcp("192.0.2.10", 80).fallbackCommand("/etc/fb.sh").build();
        Set<VirtualServiceKey> without = realUp.equals("yes") ? Set.of() : Set.of(virtual.key());
        Map<VirtualServiceKey, Action> last = new HashMap<>();
        if (lastRun != null) {
            last.put(virtual.key(), lastRun);
        }

        List<FallbackCommand> runs = FallbackCommands.changes(config(false, virtual), without, last);

        assertThat(runs.stream().map(FallbackCommand::commandLine).collect(Collectors.joining()))
                .isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void namesTheVirtualServiceAsLdirectordDoes() {
        VirtualService v6 = tcp("2001:db8::1", 80).fallbackCommand("fb").build();
        VirtualService dns = udp("192.0.2.53", 53).fallbackCommand("fb").build();
        VirtualService mark = fwmark(Family.INET, 7).fallbackCommand("fb").build();

        List<FallbackCommand> runs = FallbackCommands.changes(
                config(false, v6, dns, mark), Set.of(v6.key(), dns.key(), mark.key()), Map.of());

        assertThat(runs)
                .extracting(FallbackCommand::commandLine)
                .containsExactly("fb start [2001:db8::1]:80 tcp", "fb start 192.0.2.53:53 udp", "fb start :0 fwm");
        assertThat(runs).extracting(FallbackCommand::action).containsOnly(Action.START);
    }

    @Test
    void servicesWithoutAFallbackCommandRunNothing() {
        VirtualService virtual = tcp("192.0.2.10", 80).build();

        assertThat(FallbackCommands.changes(config(false, virtual), Set.of(virtual.key()), Map.of()))
                .isEmpty();
    }
}
