package io.jdirectord.checks;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.check.CheckResult;
import io.jdirectord.check.CheckRunner;
import io.jdirectord.check.ExternalCheck;
import io.jdirectord.check.spec.ExternalSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.checks.testing.LocalDaemon;
import io.jdirectord.checks.testing.MariaDbServer;
import io.jdirectord.checks.testing.StockCheck;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.testing.Slack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** checks/mysql-replica-lag against a real MariaDB primary and a replica replicating from it. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MysqlReplicaLagIT {

    private static final String V4 = "127.0.0.1";
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Pattern LAG = Pattern.compile("replica lag (\\d+) s of at most 4 s, weight (\\d+)");

    @TempDir
    static Path dir;

    private MariaDbServer primary;
    private MariaDbServer replica;

    @BeforeAll
    void startPrimaryAndReplica() throws Exception {
        require(MariaDbServer.installed(), "mariadb-server and mariadb-client installed");
        primary = MariaDbServer.start(dir, "primary", 1, "--log-bin=binlog");
        replica = MariaDbServer.start(dir, "replica", 2, "--relay-log=relay");
        primary.sql("""
                CREATE USER repl@'127.0.0.1' IDENTIFIED BY 'replpw';
                GRANT REPLICATION SLAVE ON *.* TO repl@'127.0.0.1';
                CREATE USER monitor@'127.0.0.1' IDENTIFIED BY 'monpw';
                CREATE USER monitor@'::1' IDENTIFIED BY 'monpw';
                GRANT REPLICA MONITOR ON *.* TO monitor@'127.0.0.1';
                GRANT REPLICA MONITOR ON *.* TO monitor@'::1';
                CREATE DATABASE app;
                CREATE TABLE app.events (id INT PRIMARY KEY AUTO_INCREMENT, at TIMESTAMP);""");
        replica.sql("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.port()
                + ", MASTER_USER='repl', MASTER_PASSWORD='replpw', MASTER_USE_GTID=slave_pos; START SLAVE;");
        awaitReplicaUp();
    }

    @AfterAll
    void stopServers() {
        for (MariaDbServer server : new MariaDbServer[] {replica, primary}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private static StockCheck check() {
        return StockCheck.named("mysql-replica-lag")
                .env("JDIRECTORD_LOGIN", "monitor")
                .env("JDIRECTORD_PASSWD", "monpw");
    }

    private void awaitReplicaUp() {
        await().atMost(SETTLE).until(() -> check().run(V4, replica.port()).status() == 0);
    }

    private void awaitReplicaLine(String fragment) {
        await().atMost(SETTLE)
                .until(() -> check().run(V4, replica.port()).line().contains(fragment));
    }

    @Test
    void upForAPrimaryWithoutReplicaStatus() throws Exception {
        StockCheck.Run run = check().run(V4, primary.port());
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.line()).isEqualTo("up: 127.0.0.1:" + primary.port() + " has no replica status (primary)");
    }

    @Test
    void upForAReplicaInStepOverBothFamilies() throws Exception {
        assertThat(check().run(V4, replica.port()).line())
                .isEqualTo("up: 127.0.0.1:" + replica.port() + " replica lag 0 s of at most 60 s");
        assertThat(check().run("::1", replica.port()).line()).startsWith("up: [::1]:" + replica.port());
    }

    @Test
    void givesTheFullWeightToAPrimaryAndAReplicaInStep() throws Exception {
        assertThat(check().env("REPLICA_WEIGHT", "100").run(V4, primary.port()).status())
                .isEqualTo(102);
        assertThat(check().env("REPLICA_WEIGHT", "100").run(V4, replica.port()).status())
                .isEqualTo(102);
    }

    @Test
    void downWhileTheIoThreadIsStopped() throws Exception {
        replica.sql("STOP SLAVE IO_THREAD");
        try {
            StockCheck.Run run = check().run(V4, replica.port());
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.line()).isEqualTo("down: 127.0.0.1:" + replica.port() + ": replica IO thread No");
        } finally {
            replica.sql("START SLAVE IO_THREAD");
            awaitReplicaUp();
        }
    }

    @Test
    void downWithTheServersErrorWhileTheIoThreadCannotLogIn() throws Exception {
        replica.sql("STOP SLAVE; CHANGE MASTER TO MASTER_PASSWORD='wrong'; START SLAVE;");
        try {
            awaitReplicaLine("Access denied");
            StockCheck.Run run = check().run(V4, replica.port());
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.line())
                    .startsWith("down: 127.0.0.1:" + replica.port() + ": replica IO thread Connecting: ")
                    .contains("Access denied for user 'repl'@'127.0.0.1'");
        } finally {
            replica.sql("STOP SLAVE; CHANGE MASTER TO MASTER_PASSWORD='replpw'; START SLAVE;");
            awaitReplicaUp();
        }
    }

    @Test
    void downWhileTheSqlThreadIsStopped() throws Exception {
        replica.sql("STOP SLAVE SQL_THREAD");
        try {
            StockCheck.Run run = check().run(V4, replica.port());
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.line()).isEqualTo("down: 127.0.0.1:" + replica.port() + ": replica SQL thread No");
        } finally {
            replica.sql("START SLAVE SQL_THREAD");
            awaitReplicaUp();
        }
    }

    @Test
    void weightFallsWithTheLagAndTheReplicaIsDownAtTheMaximumLag() throws Exception {
        replica.sql("STOP SLAVE; CHANGE MASTER TO MASTER_DELAY=600; START SLAVE;");
        try {
            primary.sql("INSERT INTO app.events (at) VALUES (NOW())");
            StockCheck lagging = check().env("JDIRECTORD_RECEIVE", "4").env("REPLICA_WEIGHT", "100");
            List<Integer> lags = new ArrayList<>();
            StockCheck.Run run = lagging.run(V4, replica.port());
            long end = System.nanoTime() + SETTLE.toNanos();
            while (run.status() != 1 && System.nanoTime() < end) {
                Matcher matcher = LAG.matcher(run.line());
                assertThat(matcher.find()).as(run.line()).isTrue();
                int lag = Integer.parseInt(matcher.group(1));
                int weight = Math.max(1, 100 * (4 - lag) / 4);
                assertThat(matcher.group(2)).isEqualTo(Integer.toString(weight));
                assertThat(run.status()).isEqualTo(2 + weight);
                lags.add(lag);
                TimeUnit.MILLISECONDS.sleep(100);
                run = lagging.run(V4, replica.port());
            }
            assertThat(run.line()).matches("down: 127\\.0\\.0\\.1:\\d+: replica lag \\d+ s, maximum 4 s");
            assertThat(lags.stream().filter(lag -> lag > 0).distinct())
                    .as("lags seen while up: %s", lags)
                    .hasSizeGreaterThanOrEqualTo(2);
        } finally {
            replica.sql("STOP SLAVE; CHANGE MASTER TO MASTER_DELAY=0; START SLAVE;");
            awaitReplicaUp();
        }
    }

    /** A client wrapper standing for an older server: SHOW REPLICA STATUS is a syntax error there. */
    @Test
    void fallsBackToShowSlaveStatusOnServersThatPredateShowReplicaStatus() throws Exception {
        Path client = wrapper("old-server", """
                case "$*" in *'SHOW REPLICA STATUS'*)
                  echo "ERROR 1064 (42000) at line 1: You have an error in your SQL syntax" >&2; exit 1 ;;
                esac
                exec %s "$@"
                """.formatted(MariaDbServer.CLIENT));
        StockCheck.Run run = check().env("REPLICA_CLIENT", client.toString()).run(V4, replica.port());
        assertThat(run.line()).isEqualTo("up: 127.0.0.1:" + replica.port() + " replica lag 0 s of at most 60 s");
    }

    /** A client wrapper standing for MySQL 8.0.22 and newer, which name the columns Replica_ and _Source. */
    @Test
    void readsMysqlsReplicaAndSourceColumnNames() throws Exception {
        Path client = wrapper("mysql-names", """
                %s "$@" | sed -e 's/Slave_/Replica_/' -e 's/Seconds_Behind_Master/Seconds_Behind_Source/'
                """.formatted(MariaDbServer.CLIENT));
        replica.sql("STOP SLAVE SQL_THREAD");
        try {
            StockCheck.Run run =
                    check().env("REPLICA_CLIENT", client.toString()).run(V4, replica.port());
            assertThat(run.line()).isEqualTo("down: 127.0.0.1:" + replica.port() + ": replica SQL thread No");
        } finally {
            replica.sql("START SLAVE SQL_THREAD");
            awaitReplicaUp();
        }
        StockCheck.Run run = check().env("REPLICA_CLIENT", client.toString()).run(V4, replica.port());
        assertThat(run.line()).isEqualTo("up: 127.0.0.1:" + replica.port() + " replica lag 0 s of at most 60 s");
    }

    private static Path wrapper(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    @Test
    void downWithTheServersReasonForAWrongPassword() throws Exception {
        StockCheck.Run run = check().env("JDIRECTORD_PASSWD", "wrong").run(V4, replica.port());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.line()).contains("ERROR 1045", "Access denied for user 'monitor'@'127.0.0.1'");
    }

    @Test
    void downWhenNothingListens() throws Exception {
        int closed = LocalDaemon.freePort();
        StockCheck.Run run = check().run(V4, closed);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.line()).startsWith("down: 127.0.0.1:" + closed + ": ERROR 2002");
    }

    @Test
    void givesUpBeforeTheCheckTimeoutWhenTheServerIsFrozen() throws Exception {
        replica.daemon().freeze();
        try {
            StockCheck.Run run = check().env("JDIRECTORD_TIMEOUT_MS", "2000").run(V4, replica.port());
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.line()).isEqualTo("down: 127.0.0.1:" + replica.port() + ": no answer within 1350 ms");
            assertThat(run.elapsed())
                    .as("its own reason says it gave up by itself; this bounds only a hang")
                    .isLessThan(Slack.after(Duration.ofMillis(2000)));
        } finally {
            replica.daemon().thaw();
        }
    }

    @Test
    void worksAsJdirectordsExternalCheck() throws Exception {
        VirtualServiceKey virtual = VirtualServiceKey.ofAddress(Protocol.TCP, Loopback.V6, 3306);
        Probes probe = Probes.to(Loopback.V6, replica.port())
                .type(CheckType.EXTERNAL)
                .command(StockCheck.named("mysql-replica-lag").program())
                .virtual(virtual)
                .timeout(Duration.ofSeconds(5));
        CheckRunner runner = new CheckRunner();

        CheckResult up = runner.run(new ExternalCheck(
                ExternalSpec.of(probe.login("monitor", "monpw").build())));
        CheckResult down = runner.run(new ExternalCheck(
                ExternalSpec.of(probe.login("monitor", "wrong").build())));

        assertThat(up.up()).as(up.reason()).isTrue();
        assertThat(down.up()).isFalse();
        assertThat(down.reason()).startsWith("exit status 1: down: [::1]:" + replica.port() + ": ERROR 1045");
    }
}
