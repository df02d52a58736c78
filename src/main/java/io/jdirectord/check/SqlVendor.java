package io.jdirectord.check;

import io.jdirectord.config.ServiceKind;
import io.jdirectord.net.AddressText;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What differs between the SQL services: the driver, its URL, how its timeouts are given, and how its
 * errors read. Every vendor's socket and read timeouts come from the time left to the deadline; the
 * drivers that take a socket factory (MariaDB, PostgreSQL) get the probe's sockets, which the deadline
 * closes.
 */
enum SqlVendor {

    /**
     * MariaDB Connector/J, for MySQL and MariaDB. On a MariaDB server the query timeout becomes the
     * server's own max_statement_time, so no client thread watches it.
     */
    MYSQL("MySQL", "org.mariadb.jdbc.Driver") {
        @Override
        String url(InetAddress address, int port, String database) {
            return "jdbc:mariadb://" + AddressText.bracketed(address) + ":" + port + "/" + database;
        }

        @Override
        void timeouts(Properties properties, Deadline deadline, String socketsKey) {
            properties.setProperty("connectTimeout", Integer.toString(deadline.remainingMillis()));
            properties.setProperty("socketTimeout", Integer.toString(deadline.remainingMillis()));
            properties.setProperty("socketFactory", SqlSocketFactory.Driver.class.getName());
            properties.setProperty(SqlSocketFactory.KEY_PROPERTY, socketsKey);
        }

        /* Only MariaDB servers stop a statement themselves; for MySQL the connector would start a thread. */
        @Override
        void queryTimeout(Statement statement, Connection connection, Deadline deadline) throws SQLException {
            if (connection.unwrap(org.mariadb.jdbc.Connection.class).useServerTimeout()) {
                statement.setQueryTimeout(Math.max(1, deadline.remainingMillis() / 1000));
            }
        }

        @Override
        String code(SQLException e) {
            return e.getErrorCode() > 0 ? " (" + e.getErrorCode() + ")" : "";
        }

        @Override
        boolean queryTimedOut(SQLException e) {
            return "70100".equals(e.getSQLState()) || e.getErrorCode() == MAX_STATEMENT_TIME_EXCEEDED;
        }
    },

    /**
     * pgjdbc. Its timeouts are whole seconds (rounded up; the deadline cuts the rest). Its query timeout
     * would arm pgjdbc's shared cancel Timer, a platform thread started for the first timed statement
     * and stopped when the last connection closes, so once per probe here: the server's own
     * statement_timeout, sent in the startup packet, is used instead.
     */
    PGSQL("PostgreSQL", "org.postgresql.Driver") {
        @Override
        String url(InetAddress address, int port, String database) {
            return "jdbc:postgresql://" + AddressText.bracketed(address) + ":" + port + "/"
                    + URLEncoder.encode(database, StandardCharsets.UTF_8);
        }

        @Override
        void timeouts(Properties properties, Deadline deadline, String socketsKey) {
            String seconds = Long.toString((deadline.remainingMillis() + 999) / 1000);
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("socketTimeout", seconds);
            properties.setProperty("loginTimeout", "0");
            properties.setProperty("options", "-c statement_timeout=" + deadline.remainingMillis());
            properties.setProperty("ApplicationName", "jdirectord");
            properties.setProperty("gssEncMode", "disable");
            properties.setProperty("socketFactory", SqlSocketFactory.Driver.class.getName());
            properties.setProperty(SqlSocketFactory.KEY_PROPERTY, socketsKey);
        }

        @Override
        String code(SQLException e) {
            return e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
        }

        @Override
        boolean queryTimedOut(SQLException e) {
            return QUERY_CANCELED.equals(e.getSQLState());
        }
    },

    /**
     * Oracle's thin driver, loaded from a jar the operator provides. It takes no socket factory: its
     * connect and read timeouts (milliseconds) bound the login, and the deadline aborts the connection.
     */
    ORACLE("Oracle", "oracle.jdbc.OracleDriver") {
        @Override
        String url(InetAddress address, int port, String sid) {
            return "jdbc:oracle:thin:@" + AddressText.bracketed(address) + ":" + port + ":" + sid;
        }

        @Override
        void timeouts(Properties properties, Deadline deadline, String socketsKey) {
            properties.setProperty("oracle.net.CONNECT_TIMEOUT", Integer.toString(deadline.remainingMillis()));
            properties.setProperty("oracle.jdbc.ReadTimeout", Integer.toString(deadline.remainingMillis()));
            properties.setProperty("oracle.jdbc.fanEnabled", "false");
            properties.setProperty("oracle.jdbc.implicitStatementCacheSize", "0");
        }

        @Override
        String code(SQLException e) {
            boolean numbered = e.getMessage() != null && e.getMessage().startsWith("ORA-");
            return numbered || e.getErrorCode() == 0 ? "" : " (" + e.getErrorCode() + ")";
        }

        @Override
        boolean queryTimedOut(SQLException e) {
            return e.getErrorCode() == USER_REQUESTED_CANCEL;
        }
    };

    private static final int MAX_STATEMENT_TIME_EXCEEDED = 1969;
    private static final String QUERY_CANCELED = "57014";
    private static final int USER_REQUESTED_CANCEL = 1013;
    private static final Pattern NOISE = Pattern.compile("^(?:\\(conn=\\d+\\) |FATAL: |ERROR: )+");

    final String label;
    final String driverClass;

    SqlVendor(String label, String driverClass) {
        this.label = label;
        this.driverClass = driverClass;
    }

    static SqlVendor of(ServiceKind service) {
        return switch (service) {
            case MYSQL -> MYSQL;
            case PGSQL -> PGSQL;
            case ORACLE -> ORACLE;
            default -> throw new IllegalArgumentException("service " + service.ldName() + " is not SQL");
        };
    }

    /** The JDBC URL of {@code database} (Oracle: the SID) on address:port, IPv6 in brackets. */
    abstract String url(InetAddress address, int port, String database);

    /**
     * Sets the driver's connect, socket and statement timeouts from the time left, and hands it the
     * probe's sockets registered under {@code socketsKey} where the driver takes a socket factory.
     */
    abstract void timeouts(Properties properties, Deadline deadline, String socketsKey);

    /**
     * Sets the statement's timeout from the time left where the server enforces it itself (whole seconds,
     * rounded down, so the server stops the statement before the deadline cuts the connection); the
     * drivers' client-side timeouts would each need a thread of their own.
     */
    void queryTimeout(Statement statement, Connection connection, Deadline deadline) throws SQLException {}

    /** The vendor's error code for a reason: " (1045)", " (SQLSTATE 3D000)", or nothing. */
    abstract String code(SQLException e);

    /** Whether the server stopped the statement at the statement timeout this check set. */
    abstract boolean queryTimedOut(SQLException e);

    /** The driver's message without its decorations: first line, no "(conn=12) " or "FATAL: " prefix. */
    String message(SQLException e) {
        String text = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return NOISE.matcher(line).replaceFirst("");
    }
}
