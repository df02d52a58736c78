package io.jdirectord.engine;

import io.jdirectord.decision.RealSteer;

/**
 * Combines what several sources (the operator, the load agent, slow start) say about one real server
 * into one {@link RealSteer}: the stricter administrative state wins (in order ENABLED, DRAINING,
 * DISABLED, DRAINED: an agent's {@code down} takes out a server the operator enabled, and the operator's
 * {@code disable} takes out a server its agent calls ready), the smaller share and ramp win, and a
 * weight override is kept from whichever source set one (the first when both did).
 */
final class Steers {

    private Steers() {}

    static RealSteer combine(RealSteer a, RealSteer b) {
        return new RealSteer(
                strictness(a.admin()) >= strictness(b.admin()) ? a.admin() : b.admin(),
                a.weight().isPresent() ? a.weight() : b.weight(),
                Math.min(a.weightPercent(), b.weightPercent()),
                Math.min(a.ramp(), b.ramp()));
    }

    private static int strictness(RealSteer.Admin admin) {
        return switch (admin) {
            case ENABLED -> 0;
            case DRAINING -> 1;
            case DISABLED -> 2;
            case DRAINED -> 3;
        };
    }
}
