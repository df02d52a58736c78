package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timeout and count resolution (virtual, else global, else ldirectord's default) and fallback inheritance. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InheritanceTest {

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    private static String line(String name, String value) {
        return value.isEmpty() ? "" : name + "=" + value + "\n";
    }

    private static String indented(String line) {
        return line.isEmpty() ? "" : "\t" + line;
    }

    @ParameterizedTest(name = "virtual ct={0} nt={1}, global ct={2} nt={3} -> ct {4}, nt {5}")
    @CsvSource({
        "'', '', '', '', 5, 30",
        "'', '', 3, '', 3, 3",
        "'', '', '', 20, 20, 20",
        "'', '', 3, 20, 3, 20",
        "7, '', 3, 20, 7, 7",
        "'', 9, 3, 20, 9, 9",
        "7, 9, 3, 20, 7, 9",
        "7, '', '', '', 7, 7"
    })
    void resolvesTimeoutsAsLdirectord(String vct, String vnt, String gct, String gnt, int ct, int nt) {
        String text = line("checktimeout", gct) + line("negotiatetimeout", gnt)
                + "virtual=192.0.2.10:80\n\treal=10.0.0.1 gate\n"
                + indented(line("checktimeout", vct)) + indented(line("negotiatetimeout", vnt));
        CheckSpec check = fixture.only(text).check();
        assertThat(check.checkTimeout()).isEqualTo(Duration.ofSeconds(ct));
        assertThat(check.negotiateTimeout()).isEqualTo(Duration.ofSeconds(nt));
    }

    @Test
    void inheritsCountsAndIntervalFromTheGlobalSection() {
        VirtualService v = fixture.only("checkcount=2\nfailurecount=3\nrisecount=4\ncheckinterval=6\n"
                + "virtual=192.0.2.10:80\n\treal=10.0.0.1 gate\n");
        assertThat(v.check().checkCount()).isEqualTo(2);
        assertThat(v.timing()).isEqualTo(new Timing(Duration.ofSeconds(6), 3, 4));
    }

    @Test
    void honoursPerVirtualCheckintervalWithoutLdirectordsForkWarning() {
        String text = "virtual=192.0.2.10:80\n\treal=10.0.0.1 gate\n\tcheckinterval=0.25\n";
        assertThat(fixture.only(text).timing().checkInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(fixture.warnings(text)).isEmpty();
    }

    @Test
    void usesTheGlobalFallbackOfTheVirtualsFamilyWithTheVirtualsPort() throws Exception {
        Config config = fixture.parse("""
                fallback=127.0.0.1
                fallback6=[::1]:8080 masq
                virtual=192.0.2.10:80
                \treal=10.0.0.1 gate
                virtual=192.0.2.10:443
                \treal=10.0.0.1 gate
                virtual6=[2001:db8::5]:80
                \treal6=[2001:db8::7] gate
                virtual=192.0.2.10:25
                \treal=10.0.0.1 gate
                \tfallback=fallback.example.test:smtp ipip
                """);
        assertThat(config.virtualServices())
                .extracting(v -> v.fallback().orElseThrow().toString())
                .containsExactly(
                        "Fallback[endpoint=127.0.0.1:80, forwarding=GATE]",
                        "Fallback[endpoint=127.0.0.1:443, forwarding=GATE]",
                        "Fallback[endpoint=[::1]:8080, forwarding=MASQ]",
                        "Fallback[endpoint=127.0.0.9:25, forwarding=IPIP]");
    }

    @Test
    void givesFirewallMarkServicesAFallbackOnPortZeroUnlessItHasOne() {
        VirtualService v = fixture.only("fallback=127.0.0.1\nvirtual=7\n\treal=10.0.0.1 gate\n");
        assertThat(v.fallback().orElseThrow().endpoint().port()).isZero();
    }

    @Test
    void inheritsEmailSettingsAndUsesTheGlobalSender() {
        VirtualService v = fixture.only("emailalert=ops@example.test\nemailalertfreq=60\nemailalertfrom=lvs@x.test\n"
                + "virtual=192.0.2.10:80\n\treal=10.0.0.1 gate\n\temailalertstatus=stopping\n");
        assertThat(v.emailAlert().recipients()).isEqualTo("ops@example.test");
        assertThat(v.emailAlert().frequency()).isEqualTo(60);
        assertThat(v.emailAlert().from()).contains("lvs@x.test");
        assertThat(v.emailAlert().statuses()).containsExactly(DaemonStatus.STOPPING);
    }
}
