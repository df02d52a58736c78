package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.checks.testing.MariaDbServer;
import io.jdirectord.config.OracleDriverJars;
import io.jdirectord.config.ServiceKind;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** service = mysql against a real MariaDB server, over IPv4 and IPv6. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MariaDbCheckIT {

    static final List<InetAddress> FAMILIES = Loopback.both();
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String PASSWORD = "pw-7f3e";

    @TempDir
    static Path dir;
    private MariaDbServer server;
    private final CheckRunner runner = new CheckRunner();
    private final SqlDrivers drivers = new SqlDrivers(new OracleDriverJars(List.of()));

    @BeforeAll
    void startServer() throws Exception {
        HostCommands.requireInstalled(MariaDbServer.installed(), "mariadb-server and mariadb-client");
        server = MariaDbServer.start(dir, "db", 1);
        server.sql("CREATE DATABASE app;"
                + " CREATE USER 'check'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';"
                + " CREATE USER 'check'@'::1' IDENTIFIED BY '" + PASSWORD + "';"
                + " GRANT SELECT ON app.* TO 'check'@'127.0.0.1'; GRANT SELECT ON app.* TO 'check'@'::1';");
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private Probes mysql(InetAddress address, String request) {
        return Probes.negotiate(ServiceKind.MYSQL, address, server.port()).login("check", PASSWORD)
                .database("app").request("/" + request).timeout(TIMEOUT);
    }

    private CheckResult check(Probes probe) {
        return runner.run(new SqlCheck(probe.build(), drivers));
    }

    private int connectionsOfCheck() throws Exception {
        return Integer.parseInt(server.sql("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'check'")
                .strip());
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void upWhenTheQueryReturnsARow(InetAddress address) {
        CheckResult result = check(mysql(address, "SELECT 1"));

        assertThat(result.up()).as(result.reason()).isTrue();
        assertThat(result.reason()).isEqualTo("MySQL: query returned a row");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void downWhenTheQueryMatchesNothing(InetAddress address) {
        CheckResult result = check(mysql(address, "SELECT 1 FROM DUAL WHERE 1 = 0"));

        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("query returned 0 rows");
    }

    @Test
    void downWithTheServersWordsForAWrongPassword() {
        CheckResult result = check(mysql(Loopback.V4, "SELECT 1").login("check", "wrong-pw"));

        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo(
                "MySQL: Access denied for user 'check'@'127.0.0.1' (using password: YES) (1045)");
    }

    @Test
    void downWhenTheDatabaseDoesNotExist() {
        CheckResult result = check(mysql(Loopback.V6, "SELECT 1").database("nosuch"));

        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("MySQL: Access denied for user 'check'@'::1' to database 'nosuch' (1044)");
    }

    @Test
    void downWithTheServersErrorForABadQuery() {
        CheckResult result = check(mysql(Loopback.V4, "SELECT * FROM missing_table"));

        assertThat(result.reason()).isEqualTo("MySQL: Table 'app.missing_table' doesn't exist (1146)");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void cutsAHungQueryAtTheDeadlineAndLeavesNoConnection(InetAddress address) throws Exception {
        var results = probeAtOnce(12, i -> i % 3 == 0 ? "SELECT 1" : "SELECT SLEEP(60)", address);

        assertThat(results).filteredOn(CheckResult::up).hasSize(4);
        assertThat(results).filteredOn(r -> !r.up()).extracting(CheckResult::reason)
                .containsOnly("timeout after 2000 ms waiting for the query");
        await().atMost(Duration.ofSeconds(10)).until(() -> connectionsOfCheck() == 0);
    }

    @Test
    @Order(1)
    void downWithATimeoutWhenTheServerAcceptsButNeverAnswers() throws Exception {
        server.daemon().freeze();
        try {
            CheckResult result = check(mysql(Loopback.V4, "SELECT 1"));

            assertThat(result.reason()).isEqualTo("timeout after 2000 ms waiting for the login");
        } finally {
            server.daemon().thaw();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void downWithConnectionRefusedOnceTheServerIsStopped() {
        server.close();

        CheckResult result = check(mysql(Loopback.V6, "SELECT 1"));

        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("connection refused");
    }

    private List<CheckResult> probeAtOnce(int count, IntFunction<String> query, InetAddress address)
            throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = IntStream.range(0, count)
                    .mapToObj(i -> threads.submit(() -> check(mysql(address, query.apply(i))))).toList();
            List<CheckResult> results = new ArrayList<>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
