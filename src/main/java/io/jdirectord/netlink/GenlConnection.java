package io.jdirectord.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request/answer exchanges over a {@link NetlinkChannel}, matched by sequence number. Answers carrying
 * other sequence numbers (left over from an exchange that failed half-way) are discarded. Not
 * thread-safe: the owner serialises access.
 */
final class GenlConnection implements AutoCloseable {

    /** Most messages per datagram in a batch: every ACK the batch causes must fit in the receive buffer. */
    static final int BATCH_MESSAGES = 256;
    /** Most bytes per datagram in a batch. */
    static final int BATCH_BYTES = 32 * 1024;

    private final NetlinkChannel channel;
    private int lastSeq;

    GenlConnection(NetlinkChannel channel, int firstSeq) {
        this.channel = channel;
        this.lastSeq = firstSeq - 1;
    }

    /** A fresh sequence number for the next request (never 0). */
    int nextSeq() {
        lastSeq++;
        if (lastSeq == 0) {
            lastSeq = 1;
        }
        return lastSeq;
    }

    /** Sends a request flagged NLM_F_ACK and returns its answers up to the ACK. */
    List<NetlinkMessage> request(byte[] message) throws NetlinkException {
        int seq = seqOf(message);
        channel.send(message);
        List<NetlinkMessage> answers = new ArrayList<>();
        while (true) {
            for (NetlinkMessage answer : NetlinkMessage.split(channel.receive())) {
                if (answer.seq() != seq) {
                    continue;
                }
                if (answer.isError()) {
                    failOnError(answer);
                    return answers;
                }
                answers.add(answer);
            }
        }
    }

    /** Sends a get request flagged NLM_F_ACK and returns its one answer. */
    NetlinkMessage requestOne(byte[] message) throws NetlinkException {
        List<NetlinkMessage> answers = request(message);
        if (answers.isEmpty()) {
            throw NetlinkException.malformed("the kernel acknowledged a get request without answering it");
        }
        return answers.get(0);
    }

    /** Sends a dump request and returns the parts up to NLMSG_DONE. */
    List<NetlinkMessage> dump(byte[] message) throws NetlinkException {
        int seq = seqOf(message);
        channel.send(message);
        List<NetlinkMessage> parts = new ArrayList<>();
        while (true) {
            for (NetlinkMessage part : NetlinkMessage.split(channel.receive())) {
                if (part.seq() != seq) {
                    continue;
                }
                if (part.isError() || part.isDone()) {
                    failOnError(part);
                    return parts;
                }
                parts.add(part);
            }
        }
    }

    /**
     * Sends requests flagged NLM_F_ACK, many per datagram, and reads their ACKs.
     *
     * @return per message, in order: empty when acknowledged, otherwise the kernel's error or the
     *         failure that left the outcome unknown
     */
    List<Optional<NetlinkException>> acknowledge(List<byte[]> messages) {
        List<Optional<NetlinkException>> outcomes = new ArrayList<>(messages.size());
        int start = 0;
        while (start < messages.size()) {
            int end = chunkEnd(messages, start);
            outcomes.addAll(acknowledgeChunk(messages.subList(start, end)));
            start = end;
        }
        return outcomes;
    }

    private static int chunkEnd(List<byte[]> messages, int start) {
        int end = start;
        int bytes = 0;
        while (end < messages.size()
                && end - start < BATCH_MESSAGES
                && (end == start || bytes + messages.get(end).length <= BATCH_BYTES)) {
            bytes += messages.get(end).length;
            end++;
        }
        return end;
    }

    private List<Optional<NetlinkException>> acknowledgeChunk(List<byte[]> chunk) {
        Map<Integer, Integer> pending = new HashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            pending.put(seqOf(chunk.get(i)), i);
        }
        NetlinkException[] errors = new NetlinkException[chunk.size()];
        try {
            channel.send(concatenate(chunk));
            collectAcks(pending, errors, false);
        } catch (NetlinkException e) {
            drainAfter(e, pending, errors);
        }
        List<Optional<NetlinkException>> outcomes = new ArrayList<>(chunk.size());
        for (NetlinkException error : errors) {
            outcomes.add(Optional.ofNullable(error));
        }
        return outcomes;
    }

    /** After a failure, takes the ACKs already queued; what is still missing gets the failure. */
    private void drainAfter(NetlinkException failure, Map<Integer, Integer> pending, NetlinkException[] errors) {
        try {
            collectAcks(pending, errors, true);
        } catch (NetlinkException ignored) {
            // The first failure is the one reported for the outcomes still unknown.
        }
        for (int index : pending.values()) {
            errors[index] = failure;
        }
    }

    /** Reads ACKs until none is pending (or, when queuedOnly, until nothing is queued). */
    private void collectAcks(Map<Integer, Integer> pending, NetlinkException[] errors, boolean queuedOnly)
            throws NetlinkException {
        while (!pending.isEmpty()) {
            Optional<ByteBuffer> datagram = queuedOnly ? channel.poll() : Optional.of(channel.receive());
            if (datagram.isEmpty()) {
                return;
            }
            for (NetlinkMessage answer : NetlinkMessage.split(datagram.get())) {
                Integer index = answer.isError() ? pending.remove(answer.seq()) : null;
                if (index != null && answer.errno() != 0) {
                    errors[index] = NetlinkException.kernel(answer.errno(), answer.extAckMessage());
                }
            }
        }
    }

    private static void failOnError(NetlinkMessage message) throws NetlinkException {
        int errno = message.errno();
        if (errno != 0) {
            throw NetlinkException.kernel(errno, message.isError() ? message.extAckMessage() : "");
        }
    }

    private static byte[] concatenate(List<byte[]> messages) {
        int total = 0;
        for (byte[] message : messages) {
            total += message.length;
        }
        ByteBuffer datagram = ByteBuffer.allocate(total);
        messages.forEach(datagram::put);
        return datagram.array();
    }

    private static int seqOf(byte[] message) {
        return ByteBuffer.wrap(message).order(ByteOrder.nativeOrder()).getInt(8);
    }

    @Override
    public void close() {
        channel.close();
    }
}
