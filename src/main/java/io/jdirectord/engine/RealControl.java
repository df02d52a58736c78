package io.jdirectord.engine;

import io.jdirectord.decision.RealSteer;
import io.jdirectord.decision.RealSteer.Admin;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What operators have set on one real server of one virtual service at run time.
 *
 * @param admin    its administrative state
 * @param weight   the weight that overrides the configured and checked one; empty when none
 * @param deadline while draining: when it is removed even with connections left; empty for no deadline
 * @param by       who set it last ({@code uid 0 (root)})
 * @param since    when it was set last
 */
public record RealControl(Admin admin, OptionalInt weight, Optional<Instant> deadline, String by, Instant since) {

    /** Whether it says nothing beyond health: enabled, no override. */
    public boolean neutral() {
        return admin == Admin.ENABLED && weight.isEmpty();
    }

    /** Whether it says the same as {@code other}, whoever set either. */
    boolean sameAs(RealControl other) {
        return admin == other.admin && weight.equals(other.weight) && deadline.equals(other.deadline);
    }

    RealSteer steer() {
        return new RealSteer(admin, weight, 100, 1.0);
    }

    /** For the operator: {@code draining until 2026-12-01T08:05:00Z, weight 5}. */
    public String describe() {
        String state = admin.name().toLowerCase(Locale.ROOT)
                + (admin == Admin.DRAINING ? deadline.map(d -> " until " + d).orElse(" (no deadline)") : "");
        return state + (weight.isPresent() ? ", weight " + weight.getAsInt() : "");
    }
}
