package io.jdirectord.cli;

/** Process exit statuses, following the LSB init-script conventions ldirectord follows. */
public final class ExitStatus {

    /** Success; for {@code status}: the daemon is running. */
    public static final int OK = 0;
    /** Generic failure; for {@code status}: not running but the pid file exists. */
    public static final int FAILURE = 1;
    /** Invalid arguments or an invalid configuration file. */
    public static final int USAGE = 2;
    /** {@code status}: not running. */
    public static final int NOT_RUNNING = 3;
    /** The user may not do this (read the pid file, signal the daemon); for {@code status}: status unknown. */
    public static final int NO_PRIVILEGE = 4;
    /** The configuration file does not exist. */
    public static final int NOT_CONFIGURED = 6;
    /** {@code reload}: the daemon is not running. */
    public static final int RELOAD_NOT_RUNNING = 7;

    private ExitStatus() {}
}
