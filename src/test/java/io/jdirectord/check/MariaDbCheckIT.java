package io.jdirectord.check;

import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.checks.testing.LoopbackServer;
import io.jdirectord.checks.testing.MariaDbServer;
import io.jdirectord.config.ServiceKind;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** service = mysql against a real MariaDB server, over IPv4 and IPv6. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MariaDbCheckIT extends SqlCheckContract {

    private MariaDbServer mariadb;

    @Override
    LoopbackServer start(Path directory) throws Exception {
        HostCommands.requireInstalled(MariaDbServer.installed(), "mariadb-server and mariadb-client");
        mariadb = MariaDbServer.start(directory, "db", 1);
        mariadb.sql("CREATE DATABASE app;"
                + " CREATE USER 'check'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';"
                + " CREATE USER 'check'@'::1' IDENTIFIED BY '" + PASSWORD + "';"
                + " GRANT SELECT ON app.* TO 'check'@'127.0.0.1'; GRANT SELECT ON app.* TO 'check'@'::1';");
        return mariadb;
    }

    @Override
    ServiceKind service() {
        return ServiceKind.MYSQL;
    }

    @Override
    String vendor() {
        return "MySQL";
    }

    @Override
    String noRows() {
        return "SELECT 1 FROM DUAL WHERE 1 = 0";
    }

    @Override
    String sleepAMinute() {
        return "SELECT SLEEP(60)";
    }

    @Override
    int connectionsOfCheck() throws Exception {
        return Integer.parseInt(mariadb.sql("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'check'")
                .strip());
    }

    @Override
    String wrongPasswordFromV4() {
        return "Access denied for user 'check'@'127.0.0.1' (using password: YES) (1045)";
    }

    @Override
    String noSuchDatabaseFromV6() {
        return "Access denied for user 'check'@'::1' to database 'nosuch' (1044)";
    }

    @Override
    String missingTable() {
        return "Table 'app.missing_table' doesn't exist (1146)";
    }
}
