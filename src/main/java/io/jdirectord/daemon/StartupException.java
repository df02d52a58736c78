package io.jdirectord.daemon;

/** Something outside the configuration file keeps the daemon from starting; the message says what. */
final class StartupException extends Exception {

    private static final long serialVersionUID = 1L;

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
