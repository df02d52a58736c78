package io.jdirectord.decision;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The failsafe rule of {@link DesiredState} (its class comment has the table), for one virtual service:
 * pure. Of its real servers listed with weight above 0 ("weighted"), those that failed their checks while
 * enabled are "failing"; an operator's disable or drain is intended and never counts.
 */
final class Failsafe {

    private Failsafe() {}

    /** The hold of this service, empty when its change goes through. */
    static Optional<FailsafeHold> hold(OptionalInt percent, List<RealRow> rows) {
        if (percent.isEmpty()) {
            return Optional.empty();
        }
        int weighted = (int) rows.stream().filter(RealRow::weighted).count();
        int failing = (int)
                rows.stream().filter(row -> row.weighted() && row.failing()).count();
        if ((long) failing * 100 > (long) percent.getAsInt() * weighted) {
            return Optional.of(new FailsafeHold(failing, weighted, percent.getAsInt()));
        }
        return Optional.empty();
    }

    /** {@code rows} with every failing weighted row kept as listed. */
    static List<RealRow> apply(List<RealRow> rows) {
        return rows.stream()
                .map(row -> row.weighted() && row.failing() ? row.held() : row)
                .toList();
    }
}
