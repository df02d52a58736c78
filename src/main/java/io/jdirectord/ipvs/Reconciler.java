package io.jdirectord.ipvs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Brings the configured services of an {@link IpvsTable} to a desired {@link TableState} with the
 * fewest operations ({@link TableDiff}), sent as one batch through {@link IpvsTable#apply}. Used
 * alike at start (adopting what is there: nothing the configuration wants is deleted and re-added), after
 * health changes, on reload and for the periodic repair pass (whatever a repair pass applies is drift).
 *
 * <p>Outcomes are made idempotent the way keepalived does: a delete that finds nothing (ENOENT, ESRCH)
 * is {@link OpResult.Outcome#ALREADY_DONE}; an add that finds the entry (EEXIST) is retried as an edit
 * and an edit that finds nothing (ENOENT for a destination, ESRCH for a service) as an add, in a second
 * batch. Every other error is reported as {@link OpResult.Outcome#FAILED} and left to the next pass.
 *
 * <p>Not for concurrent use: a plan is only as fresh as the listing it is made from, so the daemon
 * lists, decides and reconciles from one thread (or under one lock) at a time.
 */
public final class Reconciler {

    private final IpvsTable table;

    public Reconciler(IpvsTable table) {
        this.table = table;
    }

    /**
     * @param desired the services the configuration wants, with their destinations
     * @param listed  the table as listed by {@link IpvsTable#services()} for this decision
     * @param retired services to delete if listed (removed from the configuration on reload, or every
     *                cleanstop service on stop with an empty {@code desired})
     * @return every operation sent and its outcome, in the order sent
     */
    public ReconcileReport reconcile(TableState desired, List<ServiceEntry> listed, Set<ServiceKey> retired) {
        List<IpvsOp> ops = TableDiff.between(desired, TableState.of(listed), retired);
        if (ops.isEmpty()) {
            return new ReconcileReport(List.of());
        }
        List<Optional<IpvsException>> errors = table.apply(ops);
        List<OpResult> results = new ArrayList<>();
        List<IpvsOp> retries = new ArrayList<>();
        List<Integer> retryPositions = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            IpvsOp op = ops.get(i);
            OpResult result = outcome(op, errors.get(i));
            results.add(result);
            if (result.outcome() == OpResult.Outcome.RETRIED) {
                retries.add(replacement(op));
                retryPositions.add(results.size());
            }
        }
        applyRetries(retries, retryPositions, results);
        return new ReconcileReport(results);
    }

    private void applyRetries(List<IpvsOp> retries, List<Integer> positions, List<OpResult> results) {
        if (retries.isEmpty()) {
            return;
        }
        List<Optional<IpvsException>> errors = table.apply(retries);
        for (int i = retries.size() - 1; i >= 0; i--) {
            IpvsOp op = retries.get(i);
            OpResult result = errors.get(i)
                    .map(e -> new OpResult(op, OpResult.Outcome.FAILED, Optional.of(e)))
                    .orElseGet(() -> OpResult.applied(op));
            results.add(positions.get(i), result);
        }
    }

    private static OpResult outcome(IpvsOp op, Optional<IpvsException> error) {
        if (error.isEmpty()) {
            return OpResult.applied(op);
        }
        int errno = error.get().errno();
        OpResult.Outcome outcome = switch (op) {
            case IpvsOp.DeleteService d ->
                errno == IpvsTable.ESRCH ? OpResult.Outcome.ALREADY_DONE : OpResult.Outcome.FAILED;
            case IpvsOp.DeleteDestination d ->
                errno == IpvsTable.ENOENT || errno == IpvsTable.ESRCH
                        ? OpResult.Outcome.ALREADY_DONE
                        : OpResult.Outcome.FAILED;
            case IpvsOp.AddService a -> errno == IpvsTable.EEXIST ? OpResult.Outcome.RETRIED : OpResult.Outcome.FAILED;
            case IpvsOp.AddDestination a ->
                errno == IpvsTable.EEXIST ? OpResult.Outcome.RETRIED : OpResult.Outcome.FAILED;
            case IpvsOp.EditService e -> errno == IpvsTable.ESRCH ? OpResult.Outcome.RETRIED : OpResult.Outcome.FAILED;
            case IpvsOp.EditDestination e ->
                errno == IpvsTable.ENOENT ? OpResult.Outcome.RETRIED : OpResult.Outcome.FAILED;
        };
        return new OpResult(op, outcome, error);
    }

    private static IpvsOp replacement(IpvsOp op) {
        return switch (op) {
            case IpvsOp.AddService a -> new IpvsOp.EditService(a.service());
            case IpvsOp.AddDestination a -> new IpvsOp.EditDestination(a.service(), a.destination());
            case IpvsOp.EditService e -> new IpvsOp.AddService(e.service());
            case IpvsOp.EditDestination e -> new IpvsOp.AddDestination(e.service(), e.destination());
            case IpvsOp.DeleteService d -> throw new IllegalArgumentException("deletes are never retried: " + op);
            case IpvsOp.DeleteDestination d -> throw new IllegalArgumentException("deletes are never retried: " + op);
        };
    }
}
