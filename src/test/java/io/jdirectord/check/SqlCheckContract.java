package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.check.spec.SqlSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.checks.testing.LoopbackServer;
import io.jdirectord.config.OracleDriverJars;
import io.jdirectord.config.ServiceKind;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What an SQL check does against a real database server, over IPv4 and IPv6, whatever the vendor: a
 * subclass starts the server with a user {@code check} (password {@link #PASSWORD}) allowed into database
 * {@code app}, and says the vendor's words and queries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SqlCheckContract {

    static final List<InetAddress> FAMILIES = Loopback.both();
    static final String PASSWORD = "pw-7f3e";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    static Path dir;

    private LoopbackServer server;
    private final CheckRunner runner = new CheckRunner();
    private final SqlDrivers drivers = new SqlDrivers(new OracleDriverJars(List.of()));

    /** Starts the server under {@code directory} with user check and database app (skips when not installed). */
    abstract LoopbackServer start(Path directory) throws Exception;

    abstract ServiceKind service();

    /** The vendor as reasons name it ("MySQL"). */
    abstract String vendor();

    /** A query that returns no row. */
    abstract String noRows();

    /** A query that runs for a minute. */
    abstract String sleepAMinute();

    /** How many sessions user check has open on the server now. */
    abstract int connectionsOfCheck() throws Exception;

    /** The reason after a login with a wrong password from 127.0.0.1, without the vendor's prefix. */
    abstract String wrongPasswordFromV4();

    /** The reason for database {@code nosuch} asked for from ::1, without the vendor's prefix. */
    abstract String noSuchDatabaseFromV6();

    /** The reason for {@code SELECT * FROM missing_table}, without the vendor's prefix. */
    abstract String missingTable();

    @BeforeAll
    void startServer() throws Exception {
        server = start(dir);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private Probes probe(InetAddress address, String request) {
        return Probes.negotiate(service(), address, server.port())
                .login("check", PASSWORD)
                .database("app")
                .request("/" + request)
                .timeout(TIMEOUT);
    }

    private CheckResult check(Probes probe) {
        return runner.run(new SqlCheck(SqlSpec.of(probe.build()), drivers));
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void upWhenTheQueryReturnsARow(InetAddress address) {
        CheckResult result = check(probe(address, "SELECT 1"));

        assertThat(result.up()).as(result.reason()).isTrue();
        assertThat(result.reason()).isEqualTo(vendor() + ": query returned a row");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void downWhenTheQueryMatchesNothing(InetAddress address) {
        CheckResult result = check(probe(address, noRows()));

        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("query returned 0 rows");
    }

    @Test
    void downWithTheServersWordsForAWrongPassword() {
        CheckResult result = check(probe(Loopback.V4, "SELECT 1").login("check", "wrong-pw"));

        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo(vendor() + ": " + wrongPasswordFromV4());
    }

    @Test
    void downWhenTheDatabaseDoesNotExist() {
        CheckResult result = check(probe(Loopback.V6, "SELECT 1").database("nosuch"));

        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo(vendor() + ": " + noSuchDatabaseFromV6());
    }

    @Test
    void downWithTheServersErrorForABadQuery() {
        CheckResult result = check(probe(Loopback.V4, "SELECT * FROM missing_table"));

        assertThat(result.reason()).isEqualTo(vendor() + ": " + missingTable());
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void cutsAHungQueryAtTheDeadlineAndLeavesNoConnection(InetAddress address) throws Exception {
        var results = probeAtOnce(12, i -> i % 3 == 0 ? "SELECT 1" : sleepAMinute(), address);

        assertThat(results).filteredOn(CheckResult::up).hasSize(4);
        assertThat(results)
                .filteredOn(r -> !r.up())
                .extracting(CheckResult::reason)
                .containsOnly("timeout after 2000 ms waiting for the query");
        await().atMost(Duration.ofSeconds(10)).until(() -> connectionsOfCheck() == 0);
    }

    @Test
    @Order(1)
    void downWithATimeoutWhenTheServerAcceptsButNeverAnswers() throws Exception {
        server.daemon().freeze();
        try {
            CheckResult result = check(probe(Loopback.V4, "SELECT 1"));

            assertThat(result.reason()).isEqualTo("timeout after 2000 ms waiting for the login");
        } finally {
            server.daemon().thaw();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void downWithConnectionRefusedOnceTheServerIsStopped() {
        server.close();

        CheckResult result = check(probe(Loopback.V6, "SELECT 1"));

        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("connection refused");
    }

    private List<CheckResult> probeAtOnce(int count, IntFunction<String> query, InetAddress address) throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = IntStream.range(0, count)
                    .mapToObj(i -> threads.submit(() -> check(probe(address, query.apply(i)))))
                    .toList();
            List<CheckResult> results = new ArrayList<>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
