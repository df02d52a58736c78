package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.SqlSpec;
import io.jdirectord.check.testing.FullBacklog;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.check.testing.ScriptedServer;
import io.jdirectord.check.testing.Scripts;
import io.jdirectord.config.OracleDriverJars;
import io.jdirectord.config.ServiceKind;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL checks against in-process servers that refuse, never answer, answer garbage or trickle: every
 * probe ends by its deadline with a reason. Oracle runs with ojdbc11 loaded from a directory, as in use.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqlCheckTest {

    private static final Duration SHORT = Duration.ofMillis(700);
    private static final String PASSWORD = "s3cret-pw";

    @TempDir
    static Path jdbc;

    private static SqlDrivers drivers;
    private final CheckRunner runner = new CheckRunner();

    /** Every SQL service over both families. */
    static List<Arguments> servicesAndFamilies() {
        List<Arguments> all = new ArrayList<>();
        for (ServiceKind service : List.of(ServiceKind.MYSQL, ServiceKind.PGSQL, ServiceKind.ORACLE)) {
            for (InetAddress address : Loopback.both()) {
                all.add(Arguments.of(service, address));
            }
        }
        return all;
    }

    /** The drivers, Oracle's from a directory holding a copy of the ojdbc11 jar the tests depend on. */
    private static SqlDrivers drivers() throws Exception {
        if (drivers == null) {
            Path testJar = Path.of(oracle.jdbc.OracleDriver.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Files.copy(testJar, jdbc.resolve("ojdbc11.jar"));
            drivers = new SqlDrivers(new OracleDriverJars(List.of(new OracleDriverJars.Location(jdbc, "*.jar"))));
        }
        return drivers;
    }

    /**
     * The start of a first server message of about 1 MB, whose body then follows: MySQL's packet header
     * (length 0x0f7f7f, sequence 0); for PostgreSQL "no TLS" to the client's SSLRequest, then the head of
     * an ErrorResponse of that length; for Oracle the 8-byte head of a REFUSE packet of 127 bytes.
     */
    private static String packetHead(ServiceKind service) {
        return switch (service) {
            case MYSQL -> "\u007f\u007f\u000f\u0000";
            case PGSQL -> "NE\u0000\u000f\u007f\u007f";
            default -> "\u0000\u007f\u0000\u0000\u0004\u0000\u0000\u0000";
        };
    }

    /** Loads the Oracle driver and lets it connect once: its first connect takes a second or more. */
    @BeforeAll
    static void warmUpTheOracleDriver() throws Exception {
        Probes probe = Probes.negotiate(ServiceKind.ORACLE, Loopback.V4, ScriptedServer.refusedPort(Loopback.V4))
                .login("check", PASSWORD)
                .database("app")
                .request("/SELECT 1 FROM DUAL")
                .timeout(Duration.ofSeconds(20));
        new CheckRunner().run(new SqlCheck(SqlSpec.of(probe.build()), drivers()));
    }

    private CheckResult check(ServiceKind service, InetAddress address, int port) throws Exception {
        Probes probe = Probes.negotiate(service, address, port)
                .login("check", PASSWORD)
                .database("app")
                .request("/SELECT 1 FROM DUAL")
                .timeout(SHORT);
        return runner.run(new SqlCheck(SqlSpec.of(probe.build()), drivers()));
    }

    private CheckResult check(ServiceKind service, ScriptedServer server) throws Exception {
        return check(service, server.address(), server.port());
    }

    @ParameterizedTest
    @MethodSource("servicesAndFamilies")
    void downWhenTheConnectionIsRefused(ServiceKind service, InetAddress address) throws Exception {
        CheckResult result = check(service, address, ScriptedServer.refusedPort(address));

        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("connection refused");
    }

    @ParameterizedTest
    @MethodSource("servicesAndFamilies")
    void downWithAConnectTimeoutWhenTheHostDropsPackets(ServiceKind service, InetAddress address) throws Exception {
        try (FullBacklog dead = FullBacklog.on(address)) {
            CheckResult result = check(service, address, dead.port());

            assertThat(result.reason()).isEqualTo("connect timeout after 700 ms");
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @MethodSource("servicesAndFamilies")
    void downWithATimeoutWhenTheServerAcceptsButNeverAnswers(ServiceKind service, InetAddress address)
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, Scripts.silent())) {
            CheckResult result = check(service, server);

            assertThat(result.up()).isFalse();
            assertThat(result.reason()).matches("(connect )?timeout after 700 ms( waiting for the login)?");
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @MethodSource("servicesAndFamilies")
    void downWithATimeoutWhenTheServerTrickles(ServiceKind service, InetAddress address) throws Exception {
        try (ScriptedServer server =
                ScriptedServer.start(address, Scripts.trickle(packetHead(service), 'x', Duration.ofMillis(50)))) {
            CheckResult result = check(service, server);

            assertThat(result.up()).isFalse();
            assertThat(result.reason()).matches("(connect )?timeout after 700 ms( waiting for the login)?");
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @MethodSource("servicesAndFamilies")
    void downWithAReasonWhenTheServerAnswersGarbage(ServiceKind service, InetAddress address) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(address, Scripts.garbage(4096))) {
            CheckResult result = check(service, server);

            assertThat(result.up()).isFalse();
            assertThat(result.reason()).isNotBlank().doesNotContain(PASSWORD);
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void readsAtMostMaxReceiveBytesFromTheServer() throws Exception {
        for (ServiceKind service : List.of(ServiceKind.MYSQL, ServiceKind.PGSQL)) {
            try (ScriptedServer server =
                    ScriptedServer.start(Loopback.V4, Scripts.flood(packetHead(service), 'x', 1 << 24))) {
                CheckResult result = check(service, server);

                assertThat(result.reason())
                        .as(service.ldName())
                        .isEqualTo("more than 64 KiB received waiting for the login");
            }
        }
    }

    @Test
    void downNamingWhereToPutTheOracleDriverWhenItIsMissing(@TempDir Path empty) {
        SqlDrivers none = new SqlDrivers(new OracleDriverJars(List.of(new OracleDriverJars.Location(empty, "*.jar"))));
        Probes probe = Probes.negotiate(ServiceKind.ORACLE, Loopback.V4, 1521)
                .login("check", PASSWORD)
                .database("ORCL")
                .request("/SELECT 1 FROM DUAL");

        CheckResult result = runner.run(new SqlCheck(SqlSpec.of(probe.build()), none));

        assertThat(result.up()).isFalse();
        assertThat(result.reason())
                .startsWith("Oracle: no Oracle JDBC driver found (looked for " + empty + "/ojdbc*.jar)")
                .contains("put it in /usr/share/jdirectord/jdbc", "-Djdirectord.jdbc.dir=DIR");
    }

    @Test
    void loadsTheOracleDriverThroughAClassLoaderOfItsOwn() throws Exception {
        Driver driver = drivers().driver(SqlVendor.ORACLE).orElseThrow();

        assertThat(driver.getClass().getClassLoader()).isNotSameAs(SqlCheck.class.getClassLoader());
        assertThat(driver.getClass().getClassLoader().getName()).isEqualTo("oracle-jdbc");
    }
}
