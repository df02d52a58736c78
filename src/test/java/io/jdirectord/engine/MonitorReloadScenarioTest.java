package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A start or reload either applies completely or changes nothing ({@link EngineScenario}): a check that
 * cannot be built, a file without virtual services and a missing file all leave the running
 * configuration, the table and probing as they were.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MonitorReloadScenarioTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String SERVICE = "ipvsadm -A -t 192.0.2.10:80 -s wrr";
    private static final String REAL_1 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 1";
    private static final String REAL_2 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 2";

    /** Two real servers probed every second; out after 3 failures in a row. */
    private static final String WEB = """
            checkinterval=1
            failurecount=3
            virtual=192.0.2.10:80
                real=10.0.0.1:80 masq
                real=10.0.0.2:80 masq 2
                checktype=connect
            """;

    @RegisterExtension
    final EngineScenario engine = new EngineScenario();

    private void runWeb() throws Exception {
        engine.startFirstRound(WEB);
        engine.awaitTable(SERVICE, REAL_1, REAL_2);
    }

    /** After a refused reload, a real server that dies is still taken out: the old probes kept running. */
    private void assertProbingGoesOn() {
        engine.checks.down("10.0.0.2:80", "connection refused");
        engine.advance(SECOND.multipliedBy(3));
        engine.awaitTable(SERVICE, REAL_1);
        engine.awaitEvent("down 10.0.0.2:80");
    }

    @Test
    void aReloadWhoseCheckCannotBeBuiltChangesNothingAndProbingGoesOn() throws Exception {
        runWeb();
        Running running = engine.monitor.running();
        engine.checks.refuse("10.0.0.2:80", "the check factory refused it");

        engine.reload(WEB.replace("checktype=connect", "checktype=negotiate\n    service=http\n    receive=\"healthy\"")
                        .replace("masq 2", "masq 5")
                + "    real=10.0.0.3:80 masq\n");

        assertThat(engine.events.lines())
                .containsSubsequence(
                        "config error: " + engine.file()
                                + ":5: the check of real server 10.0.0.2:80 in virtual"
                                + " service tcp:192.0.2.10:80 cannot be set up: the check factory refused it",
                        "reload test rejected: 1 errors");
        assertThat(engine.events.lines()).last().isEqualTo("reload test rejected: 1 errors");
        assertThat(engine.monitor.running()).isSameAs(running);
        assertThat(engine.table()).containsExactly(SERVICE, REAL_1, REAL_2);
        assertProbingGoesOn();
    }

    @Test
    void aStartWhoseCheckCannotBeBuiltLeavesTheTableUntouched() {
        engine.checks.refuse("10.0.0.1:80", "no certificate in /etc/ssl/empty.pem");

        assertThatThrownBy(() -> engine.start(WEB))
                .isInstanceOf(ConfigException.class)
                .hasMessage(engine.file() + ":4: the check of real server 10.0.0.1:80 in virtual service"
                        + " tcp:192.0.2.10:80 cannot be set up: no certificate in /etc/ssl/empty.pem");

        assertThat(engine.table()).isEmpty();
        assertThat(engine.monitor.running()).isNull();
        assertThat(engine.events.lines()).isEmpty();
    }

    @Test
    void anEmptyFileDoesNotPurgeTheTable() throws Exception {
        runWeb();
        Running running = engine.monitor.running();

        engine.reload("");

        assertThat(engine.events.lines())
                .containsSubsequence(
                        "config error: " + engine.file()
                                + ": no virtual service: refused, it would remove all 1 virtual service from the table (to remove"
                                + " them, stop jdirectord)",
                        "reload test rejected: 1 errors");
        assertThat(engine.monitor.running()).isSameAs(running);
        assertThat(engine.table()).containsExactly(SERVICE, REAL_1, REAL_2);
        assertProbingGoesOn();
    }

    @Test
    void aFileWithOnlyGlobalDirectivesDoesNotPurgeTheTableEither() throws Exception {
        runWeb();

        engine.reload("checkinterval=1\nautoreload=no\n");

        assertThat(engine.events.lines()).last().isEqualTo("reload test rejected: 1 errors");
        assertThat(engine.monitor.running().config().virtualServices()).hasSize(1);
        assertThat(engine.table()).containsExactly(SERVICE, REAL_1, REAL_2);
    }

    @Test
    void aMissingFileIsReportedAsNoSuchFileAndChangesNothing() throws Exception {
        runWeb();
        Path file = engine.file();
        Files.delete(file);

        engine.monitor.reload("test", file);

        List<String> lines = engine.events.lines();
        assertThat(lines.get(lines.size() - 2)).startsWith("config error: ").contains(file + ": no such file");
        assertThat(lines).last().isEqualTo("reload test rejected: 1 errors");
        assertThat(engine.table()).containsExactly(SERVICE, REAL_1, REAL_2);
        assertProbingGoesOn();
    }
}
