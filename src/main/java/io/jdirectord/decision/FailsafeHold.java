package io.jdirectord.decision;

/**
 * A virtual service whose table the failsafe holds: more than {@code percent}% of its judged real servers are
 * down, so those still listed with weight stay as listed.
 *
 * @param down    the enabled real servers whose checks say DOWN
 * @param judged  the enabled real servers whose checks say UP or DOWN (not yet known ones are not judged)
 * @param percent the configured failsafe percentage
 */
public record FailsafeHold(int down, int judged, int percent) {

    /** "3 of 4 real servers are down (75% > 50%)", for an operator. */
    public String describe() {
        return down + " of " + judged + " real servers are down (" + (down * 100 / judged) + "% > " + percent + "%)";
    }
}
