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
import io.jdirectord.os.KernelErrno;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kernel's IPVS table of this process's network namespace, through generic netlink. One socket per
 * instance. Every method holds the instance's lock for its whole exchange, so an instance may be shared
 * by threads, virtual ones included. {@link #apply} sends many changes per datagram. Reading services
 * dumps the services, then the destinations of each service.
 */
public final class NetlinkIpvsTable implements IpvsTable, IpvsAdmin {

    /** How long any answer from the kernel may take. */
    static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(10);
    /** Requested socket buffer sizes; the kernel doubles them, capped by net.core.[rw]mem_max without CAP_NET_ADMIN. */
    static final int SOCKET_BUFFER = 1 << 20;

    private final IpvsSession session;

    NetlinkIpvsTable(NetlinkChannel channel, KernelRelease kernel) throws IpvsException {
        this.session = new IpvsSession(channel, kernel);
    }

    /**
     * Opens a netlink socket and resolves the IPVS family, which makes the kernel load ip_vs if it can.
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
        return session.familyId();
    }

    @Override
    public IpvsInfo info() throws IpvsException {
        return session.exchange("read the IPVS version", (c, r) -> {
            Attributes info = c.requestOne(r.getInfo(c.nextSeq())).attributes();
            return new IpvsInfo(info.u32(IpvsGenl.INFO_VERSION), info.u32(IpvsGenl.INFO_CONN_TAB_SIZE));
        });
    }

    @Override
    public List<ServiceEntry> services() throws IpvsException {
        return session.exchange("list the IPVS services", (c, r) -> {
            List<ServiceEntry> entries = new ArrayList<>();
            for (NetlinkMessage part : c.dump(r.dumpServices(c.nextSeq()))) {
                entries.add(entry(c, r, part.attributes().nested(IpvsGenl.ATTR_SERVICE)));
            }
            return entries;
        });
    }

    /** One service with its destinations; empty when the kernel has no such service. */
    public Optional<ServiceEntry> service(ServiceKey key) throws IpvsException {
        return session.exchange("read service " + key, (c, r) -> {
            try {
                NetlinkMessage answer = c.requestOne(r.getService(c.nextSeq(), key));
                return Optional.of(entry(c, r, answer.attributes().nested(IpvsGenl.ATTR_SERVICE)));
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
        return session.exchange("list the destinations of service " + key, (c, r) -> destinations(c, r, key));
    }

    private static ServiceEntry entry(GenlConnection c, IpvsRequests r, Attributes service) throws NetlinkException {
        IpvsService settings = ServiceCodec.read(service);
        return new ServiceEntry(
                settings,
                StatsCodec.read(service, ServiceCodec.STATS64, ServiceCodec.STATS),
                destinations(c, r, settings.key()));
    }

    private static List<DestinationEntry> destinations(GenlConnection c, IpvsRequests r, ServiceKey key)
            throws NetlinkException {
        int family = key.inet6() ? IpvsGenl.AF_INET6 : IpvsGenl.AF_INET;
        List<DestinationEntry> entries = new ArrayList<>();
        for (NetlinkMessage part : c.dump(r.dumpDestinations(c.nextSeq(), key))) {
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
     * Sends the changes many per datagram (at most 256 requests or 32 KiB), each request with its own
     * sequence number and ACK, and maps every ACK or error back to its operation.
     */
    @Override
    public List<Optional<IpvsException>> apply(List<IpvsOp> ops) {
        return session.apply(ops);
    }

    @Override
    public List<SyncDaemon> syncDaemons() throws IpvsException {
        return session.exchange("list the sync daemons", (c, r) -> {
            List<SyncDaemon> daemons = new ArrayList<>();
            for (NetlinkMessage part : c.dump(r.dumpDaemons(c.nextSeq()))) {
                daemons.add(DaemonCodec.read(part.attributes().nested(IpvsGenl.ATTR_DAEMON)));
            }
            return daemons;
        });
    }

    @Override
    public void startSyncDaemon(SyncDaemon daemon) throws IpvsException {
        String operation = "start the " + name(daemon.state()) + " sync daemon on " + daemon.interfaceName()
                + " with syncid " + daemon.syncId();
        session.exchange(operation, (c, r) -> c.request(r.startDaemon(c.nextSeq(), daemon)), IpvsFailures::ofDaemon);
    }

    @Override
    public void stopSyncDaemon(SyncDaemon.State state) throws IpvsException {
        String operation = "stop the " + name(state) + " sync daemon";
        session.exchange(operation, (c, r) -> c.request(r.stopDaemon(c.nextSeq(), state)), IpvsFailures::ofDaemon);
    }

    private static String name(SyncDaemon.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public IpvsTimeouts timeouts() throws IpvsException {
        return session.exchange("read the IPVS timeouts", (c, r) -> {
            Attributes config = c.requestOne(r.getTimeouts(c.nextSeq())).attributes();
            return new IpvsTimeouts(
                    config.u32(IpvsGenl.ATTR_TIMEOUT_TCP),
                    config.u32(IpvsGenl.ATTR_TIMEOUT_TCP_FIN),
                    config.u32(IpvsGenl.ATTR_TIMEOUT_UDP));
        });
    }

    @Override
    public void setTimeouts(IpvsTimeouts timeouts) throws IpvsException {
        String operation = "set the IPVS timeouts (tcp " + timeouts.tcp() + " s, tcpfin " + timeouts.tcpFin()
                + " s, udp " + timeouts.udp() + " s)";
        session.exchange(operation, (c, r) -> c.request(r.setTimeouts(c.nextSeq(), timeouts)));
    }

    @Override
    public void flush() throws IpvsException {
        session.exchange("flush the IPVS table", (c, r) -> c.request(r.flush(c.nextSeq())));
    }

    @Override
    public void close() {
        session.close();
    }
}
