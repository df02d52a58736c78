package io.jdirectord.check;

import io.jdirectord.check.spec.SqlSpec;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * service = mysql, pgsql, oracle: log in with login and passwd to database (Oracle: the SID), run the
 * request (without ldirectord's leading "/") and be up when it returns at least one row; a statement
 * that returns no result set is up when it affected a row. At most one row is fetched, and at most
 * maxReceiveBytes read (mysql, pgsql: Oracle's driver makes its own sockets).
 *
 * <p>Unlike ldirectord, the whole probe ends by negotiatetimeout: the driver's connect, read and
 * statement timeouts come from the time left, and at the deadline the connection's sockets are closed
 * (Oracle: the connection aborted), so a server that accepts and never answers, or a query that hangs,
 * is cut off. The connection is closed on every path.
 */
public final class SqlCheck implements Check {

    private final SqlVendor vendor;
    private final SqlDrivers drivers;
    private final InetAddress address;
    private final int port;
    private final SqlSpec spec;
    private final String query;

    public SqlCheck(SqlSpec spec, SqlDrivers drivers) {
        this.vendor = SqlVendor.of(spec.service());
        this.drivers = drivers;
        this.address = spec.probe().address();
        this.port = spec.probe().port();
        this.spec = spec;
        String request = spec.request();
        this.query = request.startsWith("/") ? request.substring(1) : request;
    }

    @Override
    public Duration timeout() {
        return spec.probe().timeout();
    }

    @Override
    public CheckResult run(Deadline deadline) {
        Optional<Driver> driver;
        try {
            driver = drivers.driver(vendor);
        } catch (ReflectiveOperationException | MalformedURLException | LinkageError e) {
            return CheckResult.down(vendor.label + " JDBC driver could not be loaded: " + CheckRunner.describe(e));
        }
        if (driver.isEmpty()) {
            return CheckResult.down(vendor.label + ": " + drivers.oracleAdvice());
        }
        return probe(driver.get(), deadline);
    }

    private CheckResult probe(Driver driver, Deadline deadline) {
        Session session = new Session(deadline, spec.probe().maxReceiveBytes());
        try (SqlSocketFactory.Registration registration = SqlSocketFactory.register(session.sockets)) {
            session.connect(
                    driver, vendor.url(address, port, spec.database()), properties(deadline, registration.key()));
            session.stage = SqlFailures.Stage.QUERY;
            return query(session.connection, deadline);
        } catch (SQLException | RuntimeException e) {
            return CheckResult.down(
                    SqlFailures.describe(vendor, e, session.stage, session.sockets.cutOff(), timeout(), spec.passwd()));
        } finally {
            session.end();
        }
    }

    private Properties properties(Deadline deadline, String socketsKey) {
        Properties properties = new Properties();
        properties.setProperty("user", spec.login());
        properties.setProperty("password", spec.passwd());
        vendor.timeouts(properties, deadline, socketsKey);
        return properties;
    }

    private CheckResult query(Connection connection, Deadline deadline) throws SQLException {
        Statement statement = connection.createStatement();
        statement.setMaxRows(1);
        statement.setFetchSize(1);
        vendor.queryTimeout(statement, connection, deadline);
        if (!statement.execute(query)) {
            int count = statement.getUpdateCount();
            return count > 0
                    ? CheckResult.up("statement affected " + count + " row(s)")
                    : CheckResult.down("statement returned no rows");
        }
        ResultSet rows = statement.getResultSet();
        return rows.next()
                ? CheckResult.up(vendor.label + ": query returned a row")
                : CheckResult.down("query returned 0 rows");
    }

    /**
     * One probe's connection and sockets. At the deadline its {@link ProbeSockets} close the sockets under
     * the driver, then {@link #abort()} interrupts a login still in progress (which closes the socket
     * channel of a driver that made its own, Oracle's) and aborts the connection; {@link #end()} closes
     * the connection politely first.
     */
    private static final class Session {

        final ProbeSockets sockets;
        volatile Connection connection;
        volatile SqlFailures.Stage stage = SqlFailures.Stage.CONNECT;
        private final ReentrantLock connecting = new ReentrantLock();
        private Thread loggingIn;

        Session(Deadline deadline, int maxReceiveBytes) {
            this.sockets = ProbeSockets.open(deadline, maxReceiveBytes)
                    .onConnected(this::connected)
                    .alsoAtDeadline(this::abort);
        }

        /** Connects and logs in; no interrupt from the guard outlives this call. */
        void connect(Driver driver, String url, Properties properties) throws SQLException {
            interruptible(Thread.currentThread());
            try {
                connection = driver.connect(url, properties);
            } finally {
                interruptible(null);
                Thread.interrupted();
            }
        }

        private void interruptible(Thread thread) {
            connecting.lock();
            try {
                loggingIn = thread;
            } finally {
                connecting.unlock();
            }
        }

        private void connected() {
            if (stage == SqlFailures.Stage.CONNECT) {
                stage = SqlFailures.Stage.LOGIN;
            }
        }

        private void abort() {
            connecting.lock();
            try {
                if (loggingIn != null) {
                    loggingIn.interrupt();
                }
            } finally {
                connecting.unlock();
            }
            Connection open = connection;
            if (open != null) {
                try {
                    open.abort(Runnable::run);
                } catch (SQLException | RuntimeException ignored) {
                    // The sockets are closed already where the driver used ours.
                }
            }
        }

        /** Closes the connection (and with it its statements), then whatever is left. */
        void end() {
            Connection open = connection;
            if (open != null) {
                try {
                    open.close();
                } catch (SQLException | RuntimeException ignored) {
                    // The verdict is made; a connection the deadline cut cannot close politely.
                }
            }
            sockets.close();
        }
    }
}
