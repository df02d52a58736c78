package io.jdirectord.netlink;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.IpvsAdmin;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsInfo;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.IpvsTable;
import io.jdirectord.ipvs.IpvsTimeouts;
import io.jdirectord.ipvs.IpvsUnavailableException;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceEntry.DestinationEntry;
import io.jdirectord.ipvs.ServiceKey;
import io.jdirectord.ipvs.SyncDaemon;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The kernel's IPVS table of this process's network namespace, through generic netlink. One socket per
 * instance; every method holds the instance's lock for the whole exchange, so an instance may be shared
 * by threads (virtual ones included). {@link #apply} sends many changes per datagram. A family id gone
 * stale (ip_vs reloaded) is resolved again once, transparently.
 */
public final class NetlinkIpvsTable implements IpvsTable, IpvsAdmin {

    /** How long any answer from the kernel may take. */
    static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(10);
    /** Requested socket buffer sizes; the kernel doubles them, capped by net.core.[rw]mem_max without root. */
    static final int SOCKET_BUFFER = 1 << 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final GenlConnection connection;
    private final KernelRelease kernel;
    private IpvsRequests requests;

    NetlinkIpvsTable(NetlinkChannel channel, KernelRelease kernel) throws IpvsException {
        this.connection = new GenlConnection(channel, (int) (System.currentTimeMillis() / 1000));
        this.kernel = kernel;
        this.requests = resolve();
    }

    /**
     * Opens a netlink socket and resolves the IPVS family (which loads ip_vs when the kernel can).
     *
     * @throws IpvsUnavailableException when the kernel has no IPVS
     */
    public static NetlinkIpvsTable open() throws IpvsException {
        NetlinkSocket socket;
        try {
            socket = NetlinkSocket.open(SOCKET_BUFFER, RECEIVE_TIMEOUT);
        } catch (NetlinkException e) {
            throw IpvsFailures.of("open a generic netlink socket", e);
        } catch (LinkageError e) {
            throw new IpvsException("cannot call libc through JNA: " + e, 0, e);
        }
        try {
            return new NetlinkIpvsTable(socket, KernelRelease.current());
        } catch (IpvsException e) {
            socket.close();
            throw e;
        }
    }

    /** The family id in use; it changes only when ip_vs is reloaded. */
    int familyId() {
        lock.lock();
        try {
            return requests.family();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public IpvsInfo info() throws IpvsException {
        return exchange("read the IPVS version", r -> {
            Attributes info = connection.requestOne(r.getInfo(connection.nextSeq())).attributes();
            return new IpvsInfo(info.u32(IpvsGenl.INFO_VERSION), info.u32(IpvsGenl.INFO_CONN_TAB_SIZE));
        });
    }

    @Override
    public List<ServiceEntry> services() throws IpvsException {
        return exchange("list the IPVS services", r -> {
            List<ServiceEntry> entries = new ArrayList<>();
            for (NetlinkMessage part : connection.dump(r.dumpServices(connection.nextSeq()))) {
                entries.add(entry(r, part.attributes().nested(IpvsGenl.ATTR_SERVICE)));
            }
            return entries;
        });
    }

    /** One service with its destinations; empty when the kernel has no such service. */
    public Optional<ServiceEntry> service(ServiceKey key) throws IpvsException {
        return exchange("read service " + key, r -> {
            try {
                NetlinkMessage answer = connection.requestOne(r.getService(connection.nextSeq(), key));
                return Optional.of(entry(r, answer.attributes().nested(IpvsGenl.ATTR_SERVICE)));
            } catch (NetlinkException e) {
                if (e.errno() == KernelErrno.ESRCH) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** The destinations of a service; empty also when the service does not exist (the kernel's answer). */
    public List<DestinationEntry> destinations(ServiceKey key) throws IpvsException {
        return exchange("list the destinations of service " + key, r -> destinations(r, key));
    }

    private ServiceEntry entry(IpvsRequests r, Attributes service) throws NetlinkException {
        IpvsService settings = ServiceCodec.read(service);
        return new ServiceEntry(settings, StatsCodec.read(service, ServiceCodec.STATS64, ServiceCodec.STATS),
                destinations(r, settings.key()));
    }

    private List<DestinationEntry> destinations(IpvsRequests r, ServiceKey key) throws NetlinkException {
        int family = key.inet6() ? IpvsGenl.AF_INET6 : IpvsGenl.AF_INET;
        List<DestinationEntry> entries = new ArrayList<>();
        for (NetlinkMessage part : connection.dump(r.dumpDestinations(connection.nextSeq(), key))) {
            entries.add(DestinationCodec.read(part.attributes().nested(IpvsGenl.ATTR_DEST), family));
        }
        return entries;
    }

    @Override
    public void addService(IpvsService service) throws IpvsException {
        applyOne(new IpvsOp.AddService(service));
    }

    @Override
    public void editService(IpvsService service) throws IpvsException {
        applyOne(new IpvsOp.EditService(service));
    }

    @Override
    public void deleteService(ServiceKey key) throws IpvsException {
        applyOne(new IpvsOp.DeleteService(key));
    }

    @Override
    public void addDestination(ServiceKey service, IpvsDestination destination) throws IpvsException {
        applyOne(new IpvsOp.AddDestination(service, destination));
    }

    @Override
    public void editDestination(ServiceKey service, IpvsDestination destination) throws IpvsException {
        applyOne(new IpvsOp.EditDestination(service, destination));
    }

    @Override
    public void deleteDestination(ServiceKey service, DestinationKey destination) throws IpvsException {
        applyOne(new IpvsOp.DeleteDestination(service, destination));
    }

    private void applyOne(IpvsOp op) throws IpvsException {
        Optional<IpvsException> failure = apply(List.of(op)).get(0);
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    /**
     * Sends the changes in as few datagrams as is safe, each request with its own sequence number and
     * ACK, and maps every ACK or error back to its operation.
     */
    @Override
    public List<Optional<IpvsException>> apply(List<IpvsOp> ops) {
        lock.lock();
        try {
            return new ChangeBatch(connection, ops).run(() -> requests, this::refreshedAfter);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<SyncDaemon> syncDaemons() throws IpvsException {
        return exchange("list the sync daemons", r -> {
            List<SyncDaemon> daemons = new ArrayList<>();
            for (NetlinkMessage part : connection.dump(r.dumpDaemons(connection.nextSeq()))) {
                daemons.add(DaemonCodec.read(part.attributes().nested(IpvsGenl.ATTR_DAEMON)));
            }
            return daemons;
        });
    }

    @Override
    public void startSyncDaemon(SyncDaemon daemon) throws IpvsException {
        String operation = "start the " + daemon.state().name().toLowerCase(Locale.ROOT) + " sync daemon on "
                + daemon.interfaceName() + " with syncid " + daemon.syncId();
        daemonExchange(operation, r -> connection.request(r.startDaemon(connection.nextSeq(), daemon)));
    }

    @Override
    public void stopSyncDaemon(SyncDaemon.State state) throws IpvsException {
        String operation = "stop the " + state.name().toLowerCase(Locale.ROOT) + " sync daemon";
        daemonExchange(operation, r -> connection.request(r.stopDaemon(connection.nextSeq(), state)));
    }

    private void daemonExchange(String operation, Exchange<?> exchange) throws IpvsException {
        lock.lock();
        try {
            exchange.run(requests);
        } catch (NetlinkException e) {
            throw IpvsFailures.ofDaemon(operation, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public IpvsTimeouts timeouts() throws IpvsException {
        return exchange("read the IPVS timeouts", r -> {
            Attributes config = connection.requestOne(r.getTimeouts(connection.nextSeq())).attributes();
            return new IpvsTimeouts(config.u32(IpvsGenl.ATTR_TIMEOUT_TCP), config.u32(IpvsGenl.ATTR_TIMEOUT_TCP_FIN),
                    config.u32(IpvsGenl.ATTR_TIMEOUT_UDP));
        });
    }

    @Override
    public void setTimeouts(IpvsTimeouts timeouts) throws IpvsException {
        exchange("set the IPVS timeouts to " + timeouts, r -> connection.request(r.setTimeouts(connection.nextSeq(), timeouts)));
    }

    @Override
    public void flush() throws IpvsException {
        exchange("flush the IPVS table", r -> connection.request(r.flush(connection.nextSeq())));
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } finally {
            lock.unlock();
        }
    }

    /** One exchange with the kernel, given the requests of the current family id. */
    @FunctionalInterface
    interface Exchange<T> {
        T run(IpvsRequests requests) throws NetlinkException;
    }

    /** Runs an exchange under the lock, once more after the family id turned out stale. */
    private <T> T exchange(String operation, Exchange<T> exchange) throws IpvsException {
        lock.lock();
        try {
            try {
                return exchange.run(requests);
            } catch (NetlinkException e) {
                if (!refreshedAfter(e)) {
                    throw IpvsFailures.of(operation, e);
                }
            }
            try {
                return exchange.run(requests);
            } catch (NetlinkException e) {
                throw IpvsFailures.of(operation, e);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * After ENOENT, checks whether the family id is stale (GET_INFO fails with ENOENT too) and if so
     * resolves it again. ENOENT also means "no such destination" or "no such scheduler".
     *
     * @return whether the family was resolved again, so the failed exchange is worth repeating
     */
    private boolean refreshedAfter(NetlinkException failure) throws IpvsException {
        if (failure.errno() != KernelErrno.ENOENT || familyAnswers()) {
            return false;
        }
        requests = resolve();
        return true;
    }

    private boolean familyAnswers() {
        try {
            connection.request(requests.getInfo(connection.nextSeq()));
            return true;
        } catch (NetlinkException e) {
            return e.errno() != KernelErrno.ENOENT;
        }
    }

    private IpvsRequests resolve() throws IpvsException {
        try {
            List<NetlinkMessage> answers = connection.request(GenlFamily.request(connection.nextSeq(), IpvsGenl.FAMILY_NAME));
            return new IpvsRequests(GenlFamily.id(answers), kernel);
        } catch (NetlinkException e) {
            if (e.errno() == KernelErrno.ENOENT) {
                throw new IpvsUnavailableException(e.errno());
            }
            throw IpvsFailures.of("resolve the generic netlink family " + IpvsGenl.FAMILY_NAME, e);
        }
    }
}
