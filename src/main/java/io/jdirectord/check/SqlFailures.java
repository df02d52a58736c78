package io.jdirectord.check;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Turns what a JDBC driver threw into a short reason: the vendor's message and code, or what the network
 * did under the driver (worded by {@link Reasons}, as for every check), the password never repeated.
 */
final class SqlFailures {

    /** What the probe was doing. */
    enum Stage {
        CONNECT("the connection"),
        LOGIN("the login"),
        QUERY("the query");

        final String waitingFor;

        Stage(String waitingFor) {
            this.waitingFor = waitingFor;
        }
    }

    private static final String REDACTED = "<passwd>";
    /** Oracle's drivers name each connection attempt in their messages; it tells an operator nothing. */
    private static final Pattern CONNECTION_ID = Pattern.compile("\\s*\\(CONNECTION_ID=[^)]*\\)");

    private SqlFailures() {}

    /**
     * @param cutOff  whether the deadline closed the connection
     * @param timeout the probe's whole timeout, named in timeout reasons
     * @param passwd  the configured password, replaced wherever a message repeats it
     */
    static String describe(
            SqlVendor vendor, Exception error, Stage stage, boolean cutOff, Duration timeout, String passwd) {
        String reason = reason(vendor, error, stage, cutOff, timeout);
        return Reasons.serverLine(CONNECTION_ID.matcher(redact(reason, passwd)).replaceAll(""));
    }

    private static String reason(SqlVendor vendor, Exception error, Stage stage, boolean cutOff, Duration timeout) {
        IOException network = networkCause(error);
        if (network instanceof ReceiveLimitException) {
            return network.getMessage() + " waiting for " + stage.waitingFor;
        }
        if (stage == Stage.CONNECT && (network != null || cutOff)) {
            return Reasons.connectFailure(network == null ? new IOException("closed") : network, cutOff, timeout);
        }
        if (cutOff
                || error instanceof SQLTimeoutException
                || error instanceof SQLException sql && vendor.queryTimedOut(sql)) {
            return Reasons.timeout(timeout, stage.waitingFor);
        }
        if (network != null) {
            return Reasons.exchangeFailure(network, false, timeout, stage.waitingFor);
        }
        String message = error instanceof SQLException sql
                ? vendor.message(sql) + vendor.code(sql)
                : CheckRunner.describe(error);
        return vendor.label + ": " + message;
    }

    /** The innermost I/O failure under the driver's exceptions, if the network failed. */
    @SuppressWarnings("ReferenceEquality") // a cause that is itself ends the chain: identity is meant
    private static IOException networkCause(Throwable error) {
        IOException found = null;
        for (Throwable cause = error; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                found = io;
            }
        }
        return found;
    }

    /** Hides the password wherever a driver echoes it. */
    static String redact(String text, String passwd) {
        return passwd.isEmpty() ? text : text.replace(passwd, REDACTED);
    }
}
