package io.jdirectord.decision;

/**
 * A virtual service whose table the failsafe holds: more than {@code percent}% of the real servers the table
 * gives weight would have left it for failed checks in one pass, so they stay as listed.
 *
 * @param failing  the real servers listed with weight above 0 whose checks failed (enabled ones only)
 * @param weighted the real servers listed with weight above 0
 * @param percent  the configured failsafe percentage
 */
public record FailsafeHold(int failing, int weighted, int percent) {

    /** "3 of 4 real servers (75% > 50%)", for an operator. */
    public String describe() {
        return failing + " of " + weighted + " real servers failed their checks (" + (failing * 100 / weighted) + "% > "
                + percent + "%)";
    }
}
