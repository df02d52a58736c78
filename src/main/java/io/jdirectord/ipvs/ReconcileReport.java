package io.jdirectord.ipvs;

import java.util.List;

/**
 * Every operation a reconcile pass sent, in the order sent, with its outcome. Empty when the table
 * already matched.
 */
public record ReconcileReport(List<OpResult> results) {

    public ReconcileReport {
        results = List.copyOf(results);
    }

    /** The operations that changed the table. */
    public List<IpvsOp> applied() {
        return results.stream()
                .filter(r -> r.outcome() == OpResult.Outcome.APPLIED)
                .map(OpResult::op)
                .toList();
    }

    /** The operations the table refused. */
    public List<OpResult> failures() {
        return results.stream()
                .filter(r -> r.outcome() == OpResult.Outcome.FAILED)
                .toList();
    }

    public boolean isEmpty() {
        return results.isEmpty();
    }
}
