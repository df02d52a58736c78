package io.jdirectord.decision;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What steers one real server beyond its health (see {@link DesiredState} for how each field acts).
 * Health always wins: a real server that is not up is out (or quiesced) whatever its steering says.
 *
 * @param admin         the administrative state: in, disabled, draining or drained
 * @param weight        a weight that replaces the configured and the checked weight (an operator's
 *                      {@code weight N}); empty when none
 * @param weightPercent the share of the weight to apply, 0..100 (a load agent's answer); 100 when none
 * @param ramp          the slow-start share of the weight, in (0, 1]; 1 when the server is not ramping
 */
public record RealSteer(Admin admin, OptionalInt weight, int weightPercent, double ramp) {

    /** In, at its configured or checked weight. */
    public static final RealSteer NEUTRAL = new RealSteer(Admin.ENABLED, OptionalInt.empty(), 100, 1.0);

    public RealSteer {
        Objects.requireNonNull(admin, "admin");
        if (weightPercent < 0 || weightPercent > 100) {
            throw new IllegalArgumentException("weightPercent outside 0..100: " + weightPercent);
        }
        if (!(ramp > 0 && ramp <= 1)) {
            throw new IllegalArgumentException("ramp outside (0, 1]: " + ramp);
        }
    }

    /**
     * The weight to give a real server that is up and enabled whose unsteered weight is {@code base}
     * (the checked weight, else the configured one): the override, scaled by the percentage and the
     * ramp, rounded down but never below 1 unless the unscaled weight or the percentage is 0.
     */
    public int weightFrom(int base) {
        int chosen = weight.orElse(base);
        if (chosen == 0 || weightPercent == 0) {
            return 0;
        }
        long scaled = (long) Math.floor(chosen * (weightPercent / 100.0) * ramp);
        return (int) Math.max(1, scaled);
    }

    /** The administrative state of a real server, set by an operator (or a load agent). */
    public enum Admin {
        /** Follows health. */
        ENABLED,
        /** Maintenance: out of the table, or quiesced when its service is quiescent, as if down. */
        DISABLED,
        /** In the table at weight 0 so that new connections go elsewhere, while its connections end. */
        DRAINING,
        /** Drained: out of the table whatever the quiescent setting, until enabled. */
        DRAINED
    }
}
