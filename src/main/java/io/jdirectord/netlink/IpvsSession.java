package io.jdirectord.netlink;

import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsUnavailableException;
import io.jdirectord.os.KernelErrno;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A conversation with the kernel's IPVS family: the connection, the lock that gives one caller at a time
 * the whole of an exchange, and the family id, resolved again once when ip_vs was reloaded under us.
 */
final class IpvsSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IpvsSession.class);

    /** One exchange, given the connection and the requests of the current family id. */
    @FunctionalInterface
    interface Exchange<T> {
        T run(GenlConnection connection, IpvsRequests requests) throws NetlinkException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final GenlConnection connection;
    private final KernelRelease kernel;
    private IpvsRequests requests;

    /** @throws IpvsUnavailableException when the kernel has no IPVS family */
    IpvsSession(NetlinkChannel channel, KernelRelease kernel) throws IpvsException {
        this.connection = new GenlConnection(channel, (int) (System.currentTimeMillis() / 1000));
        this.kernel = kernel;
        this.requests = resolve();
    }

    int familyId() {
        lock.lock();
        try {
            return requests.family();
        } finally {
            lock.unlock();
        }
    }

    <T> T exchange(String operation, Exchange<T> exchange) throws IpvsException {
        return exchange(operation, exchange, IpvsFailures::of);
    }

    /** Runs an exchange under the lock, once more when its failure came from a stale family id. */
    <T> T exchange(String operation, Exchange<T> exchange, BiFunction<String, NetlinkException, IpvsException> failure)
            throws IpvsException {
        lock.lock();
        try {
            try {
                return exchange.run(connection, requests);
            } catch (NetlinkException e) {
                if (!refreshedAfter(e)) {
                    throw failure.apply(operation, e);
                }
            }
            try {
                return exchange.run(connection, requests);
            } catch (NetlinkException e) {
                throw failure.apply(operation, e);
            }
        } finally {
            lock.unlock();
        }
    }

    List<Optional<IpvsException>> apply(List<IpvsOp> ops) {
        lock.lock();
        try {
            return new ChangeBatch(connection, ops).run(() -> requests, this::refreshedAfter);
        } finally {
            lock.unlock();
        }
    }

    /**
     * After ENOENT, checks whether the family id went stale (GET_INFO fails with ENOENT too) and if so
     * resolves it again. ENOENT also means "no such destination" or "no such scheduler".
     *
     * @return whether the family was resolved again, so the failed exchange is worth repeating
     */
    private boolean refreshedAfter(NetlinkException failure) throws IpvsException {
        if (failure.errno() != KernelErrno.ENOENT || familyAnswers()) {
            return false;
        }
        int stale = requests.family();
        requests = resolve();
        LOG.warn(
                "the IPVS generic netlink family changed from id {} to {} (ip_vs reloaded?)", stale, requests.family());
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
            byte[] request = GenlFamily.request(connection.nextSeq(), IpvsGenl.FAMILY_NAME);
            List<NetlinkMessage> answers = connection.request(request);
            return new IpvsRequests(GenlFamily.id(answers), kernel);
        } catch (NetlinkException e) {
            if (e.errno() == KernelErrno.ENOENT) {
                throw new IpvsUnavailableException(e.errno());
            }
            throw IpvsFailures.of("resolve the generic netlink family " + IpvsGenl.FAMILY_NAME, e);
        }
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
}
