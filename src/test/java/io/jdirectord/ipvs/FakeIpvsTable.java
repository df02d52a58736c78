package io.jdirectord.ipvs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A scriptable table for tests: kernel semantics from an in-memory {@link DryRunIpvsTable}, every
 * operation recorded, and errors injected for the next operations that match a predicate.
 */
final class FakeIpvsTable implements IpvsTable {

    private final DryRunIpvsTable table;
    private final List<IpvsOp> recorded = new CopyOnWriteArrayList<>();
    private final List<Injected> injected = new ArrayList<>();
    private int applyCalls;

    private record Injected(Predicate<IpvsOp> matches, int errno) {}

    FakeIpvsTable() {
        this(List.of());
    }

    FakeIpvsTable(List<ServiceEntry> initial) {
        this.table = new DryRunIpvsTable(initial);
    }

    /** The next operation matching {@code matches} fails with {@code errno} without changing the table. */
    FakeIpvsTable failNext(Predicate<IpvsOp> matches, int errno) {
        injected.add(new Injected(matches, errno));
        return this;
    }

    /** Every operation attempted, in order, failed or not. */
    List<IpvsOp> recorded() {
        return List.copyOf(recorded);
    }

    /** How many batches were sent. */
    int applyCalls() {
        return applyCalls;
    }

    @Override
    public List<java.util.Optional<IpvsException>> apply(List<IpvsOp> ops) {
        applyCalls++;
        return IpvsTable.super.apply(ops);
    }

    @Override
    public List<ServiceEntry> services() {
        return table.services();
    }

    @Override
    public void addService(IpvsService service) throws IpvsException {
        attempt(new IpvsOp.AddService(service));
        table.addService(service);
    }

    @Override
    public void editService(IpvsService service) throws IpvsException {
        attempt(new IpvsOp.EditService(service));
        table.editService(service);
    }

    @Override
    public void deleteService(ServiceKey key) throws IpvsException {
        attempt(new IpvsOp.DeleteService(key));
        table.deleteService(key);
    }

    @Override
    public void addDestination(ServiceKey service, IpvsDestination destination) throws IpvsException {
        attempt(new IpvsOp.AddDestination(service, destination));
        table.addDestination(service, destination);
    }

    @Override
    public void editDestination(ServiceKey service, IpvsDestination destination) throws IpvsException {
        attempt(new IpvsOp.EditDestination(service, destination));
        table.editDestination(service, destination);
    }

    @Override
    public void deleteDestination(ServiceKey service, DestinationKey destination) throws IpvsException {
        attempt(new IpvsOp.DeleteDestination(service, destination));
        table.deleteDestination(service, destination);
    }

    private void attempt(IpvsOp op) throws IpvsException {
        recorded.add(op);
        for (Iterator<Injected> pending = injected.iterator(); pending.hasNext(); ) {
            Injected injection = pending.next();
            if (injection.matches().test(op)) {
                pending.remove();
                throw new IpvsException(op.toIpvsadm() + ": injected errno " + injection.errno(), injection.errno());
            }
        }
    }
}
