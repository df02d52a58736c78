package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.testing.Loopback;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SqlFailuresTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static String describe(SqlVendor vendor, Exception error, SqlFailures.Stage stage) {
        return SqlFailures.describe(vendor, error, stage, false, TIMEOUT, "hunter2");
    }

    @Test
    void namesTheVendorItsMessageAndItsCode() {
        SQLException denied = new SQLException(
                "(conn=41) Access denied for user 'check'@'127.0.0.1' (using password: YES)", "28000", 1045);

        assertThat(describe(SqlVendor.MYSQL, denied, SqlFailures.Stage.LOGIN))
                .isEqualTo("MySQL: Access denied for user 'check'@'127.0.0.1' (using password: YES) (1045)");
    }

    @Test
    void neverShowsThePasswordEvenWhenTheDriverEchoesIt() {
        SQLException echoed = new SQLException("FATAL: bad options \"password=hunter2\"", "08P01");

        assertThat(describe(SqlVendor.PGSQL, echoed, SqlFailures.Stage.LOGIN))
                .isEqualTo("PostgreSQL: bad options \"password=<passwd>\" (SQLSTATE 08P01)");
    }

    @Test
    void keepsTheFirstLineWithoutOraclesConnectionIdAndCutsLongMessages() {
        SQLException oracle = new SQLException(
                "ORA-01017: invalid credential or not authorized; logon denied"
                        + " (CONNECTION_ID=abc+/==)\nhttps://docs.oracle.com/error-help/db/ora-01017/",
                "72000",
                1017);
        SQLException chatty = new SQLException("x".repeat(500), "HY000", 1105);

        assertThat(describe(SqlVendor.ORACLE, oracle, SqlFailures.Stage.CONNECT))
                .isEqualTo("Oracle: ORA-01017: invalid credential or not authorized; logon denied");
        assertThat(describe(SqlVendor.MYSQL, chatty, SqlFailures.Stage.QUERY))
                .hasSizeLessThan(130)
                .endsWith("…");
    }

    @Test
    void aRefusedConnectionUnderTheDriversExceptionReadsConnectionRefused() {
        SQLException wrapped = new SQLNonTransientConnectionException(
                "Socket fail to connect", "08000", new ConnectException("Connection refused"));

        assertThat(describe(SqlVendor.MYSQL, wrapped, SqlFailures.Stage.CONNECT))
                .isEqualTo("connection refused");
    }

    @Test
    void aStatementTheServerStoppedAtItsTimeoutIsATimeout() {
        SQLException stopped =
                new SQLException("Query execution was interrupted (max_statement_time exceeded)", "70100", 1969);
        SQLException canceled = new SQLException("ERROR: canceling statement due to statement timeout", "57014");

        assertThat(describe(SqlVendor.MYSQL, stopped, SqlFailures.Stage.QUERY))
                .isEqualTo("timeout after 2000 ms waiting for the query");
        assertThat(describe(SqlVendor.PGSQL, canceled, SqlFailures.Stage.QUERY))
                .isEqualTo("timeout after 2000 ms waiting for the query");
    }

    @Test
    void urlsPutIpv6LiteralsInBrackets() {
        assertThat(SqlVendor.MYSQL.url(Loopback.V6, 3306, "app")).isEqualTo("jdbc:mariadb://[::1]:3306/app");
        assertThat(SqlVendor.PGSQL.url(Loopback.V4, 5432, "my db")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/my+db");
        assertThat(SqlVendor.ORACLE.url(Loopback.V6, 1521, "ORCL")).isEqualTo("jdbc:oracle:thin:@[::1]:1521:ORCL");
    }
}
