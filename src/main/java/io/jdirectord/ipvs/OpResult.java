package io.jdirectord.ipvs;

import java.util.Optional;

/**
 * What happened to one operation of a reconcile pass.
 *
 * @param op      the operation sent to the table
 * @param outcome how it ended
 * @param error   the table's error for {@link Outcome#FAILED}, {@link Outcome#ALREADY_DONE} and
 *                {@link Outcome#RETRIED}; empty for {@link Outcome#APPLIED}
 */
public record OpResult(IpvsOp op, Outcome outcome, Optional<IpvsException> error) {

    public enum Outcome {
        /** The table accepted it. */
        APPLIED,
        /** A delete found nothing to delete (ENOENT, ESRCH): the goal already holds. */
        ALREADY_DONE,
        /** An add found the entry (EEXIST) or an edit found none (ENOENT): the next result is its replacement. */
        RETRIED,
        /** The table refused it; the entry stays as it was until the next pass. */
        FAILED
    }

    public static OpResult applied(IpvsOp op) {
        return new OpResult(op, Outcome.APPLIED, Optional.empty());
    }
}
