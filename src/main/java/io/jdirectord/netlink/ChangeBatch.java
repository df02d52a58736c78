package io.jdirectord.netlink;

import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.os.KernelErrno;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One {@code apply}: encodes the operations, has the connection send them many per datagram, and maps
 * every outcome back to its operation. Operations that failed with ENOENT are sent once more when that
 * ENOENT turns out to be a stale family id.
 */
final class ChangeBatch {

    /** Re-resolves the family after a failure when the failure says the id went stale. */
    @FunctionalInterface
    interface Refresher {
        boolean refreshedAfter(NetlinkException failure) throws IpvsException;
    }

    private final GenlConnection connection;
    private final List<IpvsOp> ops;
    private final @Nullable NetlinkException[] failures;
    private final IpvsException[] unavailable;

    ChangeBatch(GenlConnection connection, List<IpvsOp> ops) {
        this.connection = connection;
        this.ops = List.copyOf(ops);
        this.failures = new NetlinkException[ops.size()];
        this.unavailable = new IpvsException[ops.size()];
    }

    /** @param requests the encoder of the current family id (it changes after a refresh) */
    List<Optional<IpvsException>> run(Supplier<IpvsRequests> requests, Refresher refresher) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            all.add(i);
        }
        send(all, requests.get());
        retryStale(requests, refresher);
        List<Optional<IpvsException>> results = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            results.add(outcome(i));
        }
        return results;
    }

    private void retryStale(Supplier<IpvsRequests> requests, Refresher refresher) {
        List<Integer> enoent = new ArrayList<>();
        NetlinkException first = null;
        for (int i = 0; i < ops.size(); i++) {
            NetlinkException failure = failures[i];
            if (failure != null && failure.errno() == KernelErrno.ENOENT) {
                enoent.add(i);
                first = first == null ? failure : first;
            }
        }
        if (first == null) {
            return;
        }
        try {
            if (refresher.refreshedAfter(first)) {
                send(enoent, requests.get());
            }
        } catch (IpvsException e) {
            enoent.forEach(i -> unavailable[i] = e);
        }
    }

    private void send(List<Integer> indices, IpvsRequests requests) {
        List<Integer> sent = new ArrayList<>();
        List<byte[]> messages = new ArrayList<>();
        for (int index : indices) {
            failures[index] = null;
            try {
                messages.add(requests.change(connection.nextSeq(), ops.get(index)));
                sent.add(index);
            } catch (NetlinkException e) {
                failures[index] = e;
            }
        }
        List<Optional<NetlinkException>> outcomes = connection.acknowledge(messages);
        for (int i = 0; i < sent.size(); i++) {
            failures[sent.get(i)] = outcomes.get(i).orElse(null);
        }
    }

    private Optional<IpvsException> outcome(int index) {
        if (unavailable[index] != null) {
            return Optional.of(unavailable[index]);
        }
        return Optional.ofNullable(failures[index]).map(failure -> IpvsFailures.of(ops.get(index), failure));
    }
}
