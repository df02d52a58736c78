package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.ServiceEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenarios of the whole engine in-process ({@link EngineScenario}): configuration file, health rules,
 * table keeper, reload, repair, fallback and stop, with the probes answered by script and time moved by
 * the test. What each scenario shows is the table (as the ipvsadm commands that build it) and what the
 * monitor reported.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MonitorScenarioTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String SERVICE = "ipvsadm -A -t 192.0.2.10:80 -s wrr";
    private static final String REAL_1 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.1:80 -m -w 1";
    private static final String REAL_2 = "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 2";

    /** Two real servers probed every second; out after 3 failures in a row, back after 2 successes. */
    private static final String WEB = """
            checkinterval=1
            failurecount=3
            risecount=2
            quiescent=no
            repairinterval=5
            virtual=192.0.2.10:80
                real=10.0.0.1:80 masq
                real=10.0.0.2:80 masq 2
                checktype=connect
            """;

    @RegisterExtension
    final EngineScenario engine = new EngineScenario();

    /** Starts {@link #WEB} and runs its first round of checks, every server answering up. */
    private void startWeb() throws Exception {
        engine.startFirstRound(WEB);
        engine.awaitTable(SERVICE, REAL_1, REAL_2);
    }

    @Test
    void startAddsTheServiceAtOnceAndEachRealServerAfterItsFirstCheck() throws Exception {
        engine.start(WEB);
        assertThat(engine.table()).containsExactly(SERVICE);

        engine.advance(Duration.ZERO);

        engine.awaitTable(SERVICE, REAL_1, REAL_2);
        engine.awaitEvent("first round applied");
        assertThat(engine.events.lines()).contains("pass configure: " + SERVICE, "up 10.0.0.1:80", "up 10.0.0.2:80");
    }

    @Test
    void takesARealServerOutOnlyAfterFailurecountFailuresInARow() throws Exception {
        startWeb();
        engine.checks.down("10.0.0.1:80", "connection refused");

        engine.advance(SECOND.multipliedBy(2));
        assertThat(engine.table()).containsExactlyInAnyOrder(SERVICE, REAL_1, REAL_2);

        engine.advance(SECOND);
        engine.awaitTable(SERVICE, REAL_2);
        engine.awaitEvent("down 10.0.0.1:80");
    }

    @Test
    void putsARealServerBackOnlyAfterRisecountSuccessesInARow() throws Exception {
        startWeb();
        engine.checks.down("10.0.0.1:80", "connection refused");
        engine.advance(SECOND.multipliedBy(3));
        engine.awaitTable(SERVICE, REAL_2);
        engine.checks.up("10.0.0.1:80");

        engine.advance(SECOND);
        assertThat(engine.table()).containsExactly(SERVICE, REAL_2);

        engine.advance(SECOND);
        engine.awaitTable(SERVICE, REAL_2, REAL_1);
        engine.awaitEvent("up 10.0.0.1:80");
    }

    @Test
    void reloadAppliesWhatChangedAndLeavesTheRestAlone() throws Exception {
        startWeb();
        int before = engine.events.lines().size();

        engine.reload(WEB.replace("10.0.0.2:80 masq 2", "10.0.0.2:80 masq 5") + "    real=10.0.0.3:80 masq\n");
        engine.advance(Duration.ZERO);

        engine.awaitTable(
                SERVICE,
                REAL_1,
                "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 5",
                "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.3:80 -m -w 1");
        engine.awaitEvent("up 10.0.0.3:80");
        List<String> after =
                engine.events.lines().subList(before, engine.events.lines().size());
        assertThat(after)
                .contains("reload test ok", "pass configure: ipvsadm -e -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 5");
        assertThat(after).noneMatch(line -> line.contains("10.0.0.1:80"));
    }

    @Test
    void reloadWithErrorsKeepsTheRunningConfigurationAndLeavesTheTableAlone() throws Exception {
        startWeb();
        Running running = engine.monitor.running();

        engine.reload(WEB.replace("real=10.0.0.2:80 masq 2", "real=10.0.0.2:80 masq heavy"));

        assertThat(engine.events.lines()).last().asString().startsWith("reload test rejected: ");
        assertThat(engine.monitor.running()).isSameAs(running);
        assertThat(engine.table()).containsExactlyInAnyOrder(SERVICE, REAL_1, REAL_2);
        engine.checks.down("10.0.0.2:80", "connection refused");
        engine.advance(SECOND.multipliedBy(3));
        engine.awaitTable(SERVICE, REAL_1);
    }

    @Test
    void repairPutsBackWhatWasChangedBehindItsBack() throws Exception {
        startWeb();
        ServiceEntry web = engine.table.services().getFirst();
        engine.table.apply(List.of(new IpvsOp.DeleteDestination(
                web.service().key(), web.destinations().getFirst().destination().key())));

        engine.advance(SECOND.multipliedBy(4));
        assertThat(engine.table()).containsExactly(SERVICE, REAL_2);

        engine.advance(SECOND);
        assertThat(engine.table()).containsExactly(SERVICE, REAL_2, REAL_1);
        assertThat(engine.events.lines()).contains("pass repair: " + REAL_1);
    }

    /** Before its first check a real server is not in the table, so a fresh start runs start, then stop. */
    @Test
    void fallbackComesInWhenEveryRealServerIsDownAndGoesWhenOneIsBack() throws Exception {
        engine.start("""
                checkinterval=1
                quiescent=no
                fallbackcommand=/usr/local/sbin/web-failover
                virtual=192.0.2.20:80
                    real=10.0.0.1:80 masq
                    fallback=127.0.0.9:80 masq
                    checktype=connect
                """);
        String service = "ipvsadm -A -t 192.0.2.20:80 -s wrr";
        String real = "ipvsadm -a -t 192.0.2.20:80 -r 10.0.0.1:80 -m -w 1";
        String fallback = "ipvsadm -a -t 192.0.2.20:80 -r 127.0.0.9:80 -m -w 1";
        engine.advance(Duration.ZERO);
        engine.awaitTable(service, real);
        engine.awaitFallbackCommands(
                "/usr/local/sbin/web-failover start 192.0.2.20:80 tcp",
                "/usr/local/sbin/web-failover stop 192.0.2.20:80 tcp");
        engine.fallbackCommands.clear();

        engine.checks.down("10.0.0.1:80", "connection refused");
        engine.advance(SECOND);
        engine.awaitTable(service, fallback);

        engine.checks.up("10.0.0.1:80");
        engine.advance(SECOND);
        engine.awaitTable(service, real);
        engine.awaitFallbackCommands(
                "/usr/local/sbin/web-failover start 192.0.2.20:80 tcp",
                "/usr/local/sbin/web-failover stop 192.0.2.20:80 tcp");
    }

    @Test
    void quiescentSetsAFailedRealServersWeightToZeroInsteadOfRemovingIt() throws Exception {
        engine.start(WEB.replace("quiescent=no", "quiescent=yes").replace("failurecount=3", "failurecount=1"));
        engine.advance(Duration.ZERO);
        engine.awaitTable(SERVICE, REAL_1, REAL_2);

        engine.checks.down("10.0.0.2:80", "connection refused");
        engine.advance(SECOND);

        engine.awaitTable(SERVICE, REAL_1, "ipvsadm -a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 0");
    }

    @Test
    void maintenanceDirectoryTakesARealServerOutThenItsChecksBringItBack() throws Exception {
        Path maintenance = Files.createDirectory(engine.directory().resolve("maintenance"));
        engine.start(WEB + "maintenancedir=" + maintenance + "\n");
        engine.advance(Duration.ZERO);
        engine.awaitTable(SERVICE, REAL_1, REAL_2);

        Path file = Files.createFile(maintenance.resolve("10.0.0.1:80"));
        engine.advance(SECOND);
        engine.awaitTable(SERVICE, REAL_2);

        Files.delete(file);
        engine.advance(SECOND);
        assertThat(engine.table()).containsExactly(SERVICE, REAL_2);
        engine.advance(SECOND.multipliedBy(2));
        engine.awaitTable(SERVICE, REAL_2, REAL_1);
    }

    @Test
    void stopRemovesOnlyTheServicesWhoseCleanstopIsYesAndStopsProbing() throws Exception {
        engine.startFirstRound(WEB + """
                virtual=192.0.2.11:80
                    real=10.0.0.1:80 masq
                    checktype=connect
                    cleanstop=no
                """);
        engine.awaitTable(
                SERVICE,
                REAL_1,
                REAL_2,
                "ipvsadm -A -t 192.0.2.11:80 -s wrr",
                "ipvsadm -a -t 192.0.2.11:80 -r 10.0.0.1:80 -m -w 1");

        engine.monitor.stop();

        assertThat(engine.table())
                .containsExactly(
                        "ipvsadm -A -t 192.0.2.11:80 -s wrr", "ipvsadm -a -t 192.0.2.11:80 -r 10.0.0.1:80 -m -w 1");
        assertThat(engine.events.lines()).last().isEqualTo("pass stop: ipvsadm -D -t 192.0.2.10:80");
        assertThat(engine.scheduler().closed()).isTrue();
    }

    @Test
    void kernelSettingsOfADryRunAreReportedAsTheirIpvsadmCommands() throws Exception {
        engine.start(WEB + "syncdaemon=master eth1 7\nipvstimeouts=900 120 300\n");

        assertThat(engine.events.lines())
                .contains(
                        "kernel setting dry-run: ipvsadm --start-daemon master --mcast-interface eth1 --syncid 7",
                        "kernel setting dry-run: ipvsadm --set 900 120 300");
    }
}
