package io.jdirectord.ipvs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * An in-memory IPVS table for {@code --dry-run} and tests: it never touches the kernel, keeps what it is
 * told with the kernel's error semantics (EEXIST for an existing service or destination, ESRCH for a
 * missing service, ENOENT for a missing destination or an unknown scheduler, ERANGE for a negative weight
 * or a lower threshold above the upper one, EINVAL for a destination of the other family that does not
 * tunnel), and logs every change through the SLF4J logger {@code io.jdirectord.ipvs.dryrun} as the
 * equivalent ipvsadm command line: at INFO when it echoes, at DEBUG when something else (the failure log on
 * standard error under {@code -d}) shows the changes already. A refused change is logged as a shell comment,
 * {@code # failed: <command>: <error>}, so that the log replayed as a script builds the same table.
 * Thread-safe.
 */
public final class DryRunIpvsTable implements IpvsTable {

    private static final Logger LOG = LoggerFactory.getLogger("io.jdirectord.ipvs.dryrun");
    private static final int ERANGE = 34;
    private static final int EINVAL = 22;
    private static final Set<String> SCHEDULERS = Set.of(
            "rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "twos", "none");

    private final ReentrantLock lock = new ReentrantLock();
    private final Level level;
    private final Map<ServiceKey, Entry> services = new LinkedHashMap<>();

    private static final class Entry {
        IpvsService service;
        final Map<DestinationKey, IpvsDestination> destinations = new LinkedHashMap<>();

        Entry(IpvsService service) {
            this.service = service;
        }
    }

    /** An empty table that logs its changes at INFO. */
    public DryRunIpvsTable() {
        this(true);
    }

    /** An empty table; {@code echo}: log its changes at INFO, else at DEBUG. */
    public DryRunIpvsTable(boolean echo) {
        this.level = echo ? Level.INFO : Level.DEBUG;
    }

    /** A table that starts as a copy of {@code initial} (for example the kernel's table, read once). */
    public DryRunIpvsTable(List<ServiceEntry> initial) {
        this(true);
        for (ServiceEntry listed : initial) {
            Entry entry = new Entry(listed.service());
            listed.destinations()
                    .forEach(d -> entry.destinations.put(d.destination().key(), d.destination()));
            services.put(listed.service().key(), entry);
        }
    }

    @Override
    public List<ServiceEntry> services() {
        lock.lock();
        try {
            List<ServiceEntry> listed = new ArrayList<>(services.size());
            for (Entry entry : services.values()) {
                List<ServiceEntry.DestinationEntry> destinations = entry.destinations.values().stream()
                        .map(d -> new ServiceEntry.DestinationEntry(d, IpvsStats.ZERO, 0, 0))
                        .toList();
                listed.add(new ServiceEntry(entry.service, IpvsStats.ZERO, destinations));
            }
            return listed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void addService(IpvsService service) throws IpvsException {
        IpvsOp op = new IpvsOp.AddService(service);
        change(op, () -> {
            check(op, !services.containsKey(service.key()), EEXIST, "Service already exists");
            checkScheduler(op, service);
            services.put(service.key(), new Entry(service));
        });
    }

    @Override
    public void editService(IpvsService service) throws IpvsException {
        IpvsOp op = new IpvsOp.EditService(service);
        change(op, () -> {
            Entry entry = existing(op, service.key());
            checkScheduler(op, service);
            entry.service = service;
        });
    }

    @Override
    public void deleteService(ServiceKey key) throws IpvsException {
        IpvsOp op = new IpvsOp.DeleteService(key);
        change(op, () -> {
            existing(op, key);
            services.remove(key);
        });
    }

    @Override
    public void addDestination(ServiceKey service, IpvsDestination destination) throws IpvsException {
        IpvsOp op = new IpvsOp.AddDestination(service, destination);
        change(op, () -> {
            Entry entry = existing(op, service);
            checkDestination(op, service, destination);
            check(op, !entry.destinations.containsKey(destination.key()), EEXIST, "Destination already exists");
            entry.destinations.put(destination.key(), destination);
        });
    }

    @Override
    public void editDestination(ServiceKey service, IpvsDestination destination) throws IpvsException {
        IpvsOp op = new IpvsOp.EditDestination(service, destination);
        change(op, () -> {
            Entry entry = existing(op, service);
            checkDestination(op, service, destination);
            check(op, entry.destinations.containsKey(destination.key()), ENOENT, "No such destination");
            entry.destinations.put(destination.key(), destination);
        });
    }

    @Override
    public void deleteDestination(ServiceKey service, DestinationKey destination) throws IpvsException {
        IpvsOp op = new IpvsOp.DeleteDestination(service, destination);
        change(op, () -> {
            Entry entry = existing(op, service);
            check(op, entry.destinations.remove(destination) != null, ENOENT, "No such destination");
        });
    }

    private interface Change {
        void run() throws IpvsException;
    }

    private void change(IpvsOp op, Change change) throws IpvsException {
        lock.lock();
        try {
            change.run();
            LOG.atLevel(level).log("{}", op.toIpvsadm());
        } catch (IpvsException e) {
            LOG.atLevel(level).log("# failed: {}", e.getMessage());
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private Entry existing(IpvsOp op, ServiceKey key) throws IpvsException {
        Entry entry = services.get(key);
        if (entry == null) {
            throw new IpvsException(op.toIpvsadm() + ": No such service (errno " + ESRCH + ")", ESRCH);
        }
        return entry;
    }

    private static void checkScheduler(IpvsOp op, IpvsService service) throws IpvsException {
        check(op, SCHEDULERS.contains(service.scheduler()), ENOENT, "Scheduler not found: " + service.scheduler());
    }

    private static void checkDestination(IpvsOp op, ServiceKey service, IpvsDestination d) throws IpvsException {
        check(op, d.weight() >= 0, ERANGE, "Weight below zero");
        check(op, d.lowerThreshold() <= d.upperThreshold(), ERANGE, "Lower threshold above upper threshold");
        boolean otherFamily = (d.key().address() instanceof java.net.Inet6Address) != service.inet6();
        check(
                op,
                !otherFamily || d.forwarding() == ForwardingMethod.TUNNEL,
                EINVAL,
                "A destination of the other address family must tunnel");
    }

    private static void check(IpvsOp op, boolean ok, int errno, String text) throws IpvsException {
        if (!ok) {
            throw new IpvsException(op.toIpvsadm() + ": " + text + " (errno " + errno + ")", errno);
        }
    }
}
