package io.jdirectord.check;

import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.checks.testing.LoopbackServer;
import io.jdirectord.checks.testing.PostgresServer;
import io.jdirectord.config.ServiceKind;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** service = pgsql against a real PostgreSQL server, over IPv4 and IPv6. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PostgresCheckIT extends SqlCheckContract {

    private PostgresServer postgres;

    @Override
    LoopbackServer start(Path directory) throws Exception {
        HostCommands.requireInstalled(PostgresServer.installed(), "postgresql");
        postgres = PostgresServer.start(directory, "pg");
        postgres.sql("CREATE USER \"check\" PASSWORD '" + PASSWORD + "'");
        postgres.sql("CREATE DATABASE app OWNER \"check\"");
        return postgres;
    }

    @Override
    ServiceKind service() {
        return ServiceKind.PGSQL;
    }

    @Override
    String vendor() {
        return "PostgreSQL";
    }

    @Override
    String noRows() {
        return "SELECT 1 WHERE false";
    }

    @Override
    String sleepAMinute() {
        return "SELECT pg_sleep(60)";
    }

    @Override
    int connectionsOfCheck() throws Exception {
        return Integer.parseInt(postgres.sql("SELECT count(*) FROM pg_stat_activity WHERE usename = 'check'"));
    }

    @Override
    String wrongPasswordFromV4() {
        return "password authentication failed for user \"check\" (SQLSTATE 28P01)";
    }

    @Override
    String noSuchDatabaseFromV6() {
        return "database \"nosuch\" does not exist (SQLSTATE 3D000)";
    }

    @Override
    String missingTable() {
        return "relation \"missing_table\" does not exist (SQLSTATE 42P01)";
    }
}
