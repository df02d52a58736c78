package io.jdirectord.check;

/**
 * A probe failed for a reason already worded for the operator ("connection refused"). Checks catch it
 * and return {@link CheckResult#down(String)} with {@link #getMessage()} as the reason.
 */
final class ProbeException extends Exception {

    private static final long serialVersionUID = 1L;

    ProbeException(String reason) {
        super(reason, null, false, false);
    }
}
