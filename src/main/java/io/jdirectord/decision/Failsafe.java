package io.jdirectord.decision;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The failsafe rule of {@link DesiredState} (its class comment has the table), for one virtual service:
 * pure. Of its enabled real servers, those whose checks say UP or DOWN are "judged"; an operator's disable or
 * drain is intended and never counts, and a real server not checked yet is not judged. The share is of the
 * whole service, not of one pass: failures that reach the table keeper over several passes (as probes spread
 * over their interval do) are held as soon as their total crosses the percentage.
 */
final class Failsafe {

    private Failsafe() {}

    /**
     * The hold of this service: more than {@code percent} of its judged real servers are down and one of them
     * is still listed with weight; empty when its change goes through.
     */
    static Optional<FailsafeHold> hold(OptionalInt percent, List<RealRow> rows) {
        if (percent.isEmpty() || rows.stream().noneMatch(Failsafe::holdable)) {
            return Optional.empty();
        }
        int down = (int) rows.stream().filter(RealRow::failing).count();
        int judged = down + (int) rows.stream().filter(RealRow::in).count();
        if ((long) down * 100 > (long) percent.getAsInt() * judged) {
            return Optional.of(new FailsafeHold(down, judged, percent.getAsInt()));
        }
        return Optional.empty();
    }

    /** {@code rows} with every failing row that is listed with weight kept as listed. */
    static List<RealRow> apply(List<RealRow> rows) {
        return rows.stream().map(row -> holdable(row) ? row.held() : row).toList();
    }

    private static boolean holdable(RealRow row) {
        return row.failing() && row.weighted();
    }
}
