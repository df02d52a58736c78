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
import io.jdirectord.checks.testing.RedisServer;
import io.jdirectord.checks.testing.StockCheck;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.testing.Slack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** checks/redis-ping against real redis-server instances: a plain one, one with passwords, replicas. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisPingIT {

    private static final String V4 = "127.0.0.1";
    private static final String V6 = "::1";

    @TempDir
    static Path dir;

    private RedisServer open;
    private RedisServer secured;
    private RedisServer replica;
    private RedisServer orphan;

    @BeforeAll
    void startServers() throws Exception {
        require(Files.isExecutable(RedisServer.BINARY), "redis-server installed");
        open = RedisServer.start(dir);
        secured = RedisServer.start(dir, "requirepass sekret", "user monitor on >monpw +ping +info");
        replica = RedisServer.start(dir, "replicaof 127.0.0.1 " + open.port());
        orphan = RedisServer.start(dir, "replicaof 127.0.0.1 " + LocalDaemon.freePort());
    }

    @AfterAll
    void stopServers() {
        for (RedisServer server : new RedisServer[] {open, secured, replica, orphan}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private static StockCheck check(String client) {
        require(client.equals("none") || StockCheck.installed(client), client + " installed");
        return StockCheck.named("redis-ping").env("REDIS_CLI", client);
    }

    @ParameterizedTest
    @CsvSource({"redis-cli, 127.0.0.1", "redis-cli, ::1", "none, 127.0.0.1", "none, ::1"})
    void upWhenPingIsAnsweredWithPong(String client, String host) throws Exception {
        StockCheck.Run run = check(client).run(host, open.port());
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.line()).startsWith("up: ").contains("PONG", "role master");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-cli", "none"})
    void downWhenNothingListens(String client) throws Exception {
        StockCheck.Run run = check(client).run(V4, LocalDaemon.freePort());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.line()).startsWith("down: 127.0.0.1:").containsIgnoringCase("connect");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-cli", "none"})
    void downWhenTheServerWantsAPasswordThatIsNotGiven(String client) throws Exception {
        StockCheck.Run run = check(client).run(V4, secured.port());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.line()).contains("NOAUTH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-cli", "none"})
    void upWithThePassword(String client) throws Exception {
        StockCheck.Run run = check(client).env("JDIRECTORD_PASSWD", "sekret").run(V6, secured.port());
        assertThat(run.status()).as(run.output()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-cli", "none"})
    void downWithAWrongPassword(String client) throws Exception {
        StockCheck.Run run = check(client).env("JDIRECTORD_PASSWD", "wrong").run(V4, secured.port());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.line()).contains("AUTH failed: WRONGPASS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-cli", "none"})
    void upWithAnAclUserAndItsPassword(String client) throws Exception {
        StockCheck.Run run = check(client)
                .env("JDIRECTORD_LOGIN", "monitor")
                .env("JDIRECTORD_PASSWD", "monpw")
                .run(V4, secured.port());
        assertThat(run.status()).as(run.output()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-cli", "none"})
    void requiresTheRoleNamedByReceive(String client) throws Exception {
        awaitReplicaLink(client);
        StockCheck.Run asMaster =
                check(client).env("JDIRECTORD_RECEIVE", "role:master").run(V4, replica.port());
        assertThat(asMaster.status()).isEqualTo(1);
        assertThat(asMaster.line()).endsWith("role is slave, master required");
        assertThat(check(client)
                        .env("JDIRECTORD_RECEIVE", "role:master")
                        .run(V4, open.port())
                        .status())
                .isZero();
        StockCheck.Run asReplica =
                check(client).env("JDIRECTORD_RECEIVE", "role:replica").run(V4, open.port());
        assertThat(asReplica.line()).endsWith("role is master, replica required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-cli", "none"})
    void upForAReplicaLinkedToItsMasterWhenAReplicaIsRequired(String client) throws Exception {
        awaitReplicaLink(client);
        StockCheck.Run run = check(client).env("REDIS_ROLE", "replica").run(V4, replica.port());
        assertThat(run.line()).isEqualTo("up: 127.0.0.1:" + replica.port() + " PONG, role slave");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-cli", "none"})
    void downForAReplicaThatLostItsMaster(String client) throws Exception {
        StockCheck.Run run = check(client).env("REDIS_ROLE", "replica").run(V4, orphan.port());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.line()).endsWith("replica link to its master is down");
        assertThat(check(client).run(V4, orphan.port()).status())
                .as("no role required")
                .isZero();
    }

    private void awaitReplicaLink(String client) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> check(client)
                                .env("REDIS_ROLE", "replica")
                                .run(V4, replica.port())
                                .status()
                        == 0);
    }

    @Test
    void rejectsAReceiveItDoesNotUnderstand() throws Exception {
        StockCheck.Run run = check("none").env("JDIRECTORD_RECEIVE", "PONG").run(V4, open.port());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.line()).contains("receive must be empty, role:master or role:replica");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-cli", "none"})
    void givesUpBeforeTheCheckTimeoutWhenTheServerIsFrozen(String client) throws Exception {
        StockCheck check = check(client).env("JDIRECTORD_TIMEOUT_MS", "2000");
        open.daemon().freeze();
        try {
            StockCheck.Run run = check.run(V4, open.port());
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.line()).isEqualTo("down: 127.0.0.1:" + open.port() + ": no answer within 1350 ms");
            assertThat(run.elapsed())
                    .as("its own reason says it gave up by itself; this bounds only a hang")
                    .isLessThan(Slack.after(Duration.ofMillis(2000)));
        } finally {
            open.daemon().thaw();
        }
    }

    @Test
    void worksAsJdirectordsExternalCheck() throws Exception {
        VirtualServiceKey virtual = VirtualServiceKey.ofAddress(Protocol.TCP, Loopback.V4, 6379);
        Probes probe = Probes.to(Loopback.V6, secured.port())
                .type(CheckType.EXTERNAL)
                .command(StockCheck.named("redis-ping").program())
                .virtual(virtual)
                .timeout(Duration.ofSeconds(3));
        CheckRunner runner = new CheckRunner();

        CheckResult up = runner.run(
                new ExternalCheck(ExternalSpec.of(probe.login("", "sekret").build())));
        CheckResult down = runner.run(
                new ExternalCheck(ExternalSpec.of(probe.login("", "wrong").build())));

        assertThat(up.up()).as(up.reason()).isTrue();
        assertThat(down.up()).isFalse();
        assertThat(down.reason())
                .startsWith("exit status 1: down: [::1]:" + secured.port() + ": AUTH failed: WRONGPASS");
    }
}
