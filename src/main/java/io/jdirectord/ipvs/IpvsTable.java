package io.jdirectord.ipvs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's IPVS table, one method per kernel command. Implementations: the netlink adapter, and
 * the in-memory dry-run table for --dry-run and tests. Policy (quiescent, fallback) does not belong here.
 * Errors are not made idempotent here: "already exists" and "not found" are thrown like any other
 * error, with their errno (EEXIST 17, ESRCH 3, ENOENT 2); the reconciler decides what they mean.
 */
public interface IpvsTable extends AutoCloseable {

    int EEXIST = 17;
    int ESRCH = 3;
    int ENOENT = 2;

    /** Every service with its destinations. */
    List<ServiceEntry> services() throws IpvsException;

    void addService(IpvsService service) throws IpvsException;

    void editService(IpvsService service) throws IpvsException;

    void deleteService(ServiceKey key) throws IpvsException;

    void addDestination(ServiceKey service, IpvsDestination destination) throws IpvsException;

    void editDestination(ServiceKey service, IpvsDestination destination) throws IpvsException;

    void deleteDestination(ServiceKey service, DestinationKey destination) throws IpvsException;

    /**
     * Applies several operations, in order. Implementations may batch them (several requests in one
     * send); one failing operation does not stop or hide the others.
     *
     * @return one entry per operation, in the same order: empty on success, the error otherwise
     */
    default List<Optional<IpvsException>> apply(List<IpvsOp> ops) {
        List<Optional<IpvsException>> results = new ArrayList<>(ops.size());
        for (IpvsOp op : ops) {
            try {
                applyOne(op);
                results.add(Optional.empty());
            } catch (IpvsException e) {
                results.add(Optional.of(e));
            }
        }
        return results;
    }

    private void applyOne(IpvsOp op) throws IpvsException {
        switch (op) {
            case IpvsOp.AddService o -> addService(o.service());
            case IpvsOp.EditService o -> editService(o.service());
            case IpvsOp.DeleteService o -> deleteService(o.key());
            case IpvsOp.AddDestination o -> addDestination(o.service(), o.destination());
            case IpvsOp.EditDestination o -> editDestination(o.service(), o.destination());
            case IpvsOp.DeleteDestination o -> deleteDestination(o.service(), o.destination());
        }
    }

    @Override
    default void close() {}
}
