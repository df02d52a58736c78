package io.jdirectord.netlink;

import io.jdirectord.os.KernelErrno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A {@link NetlinkChannel} that plays the kernel: it resolves "IPVS" to {@link #familyId} (or refuses
 * with {@link #controllerErrno}) and answers every other request with the datagrams its responder
 * returns. Records what was sent. Not thread-safe, like the real socket.
 */
final class FakeKernel implements NetlinkChannel {

    /** Answers one request with zero or more datagrams. */
    @FunctionalInterface
    interface Responder {
        List<byte[]> answer(NetlinkMessage request) throws NetlinkException;
    }

    private final Responder responder;
    private final Deque<ByteBuffer> queue = new ArrayDeque<>();
    final List<byte[]> datagramsSent = new ArrayList<>();
    final List<NetlinkMessage> requests = new ArrayList<>();
    boolean closed;
    int familyId = Hex.FAMILY;
    int controllerErrno;

    FakeKernel(Responder responder) {
        this.responder = responder;
    }

    @Override
    public void send(byte[] datagram) throws NetlinkException {
        datagramsSent.add(datagram);
        for (NetlinkMessage request :
                NetlinkMessage.split(ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder()))) {
            if (request.type() == Netlink.GENL_ID_CTRL) {
                queue.add(
                        controllerErrno != 0
                                ? datagram(ack(request.seq(), controllerErrno))
                                : datagram(familyAnswer(request.seq(), familyId), ack(request.seq(), 0)));
                continue;
            }
            requests.add(request);
            for (byte[] answer : responder.answer(request)) {
                queue.add(ByteBuffer.wrap(answer).order(ByteOrder.nativeOrder()));
            }
        }
    }

    @Override
    public ByteBuffer receive() throws NetlinkException {
        if (queue.isEmpty()) {
            throw NetlinkException.system("recvfrom: no answer from the kernel", KernelErrno.EAGAIN);
        }
        return queue.poll();
    }

    @Override
    public Optional<ByteBuffer> poll() {
        return Optional.ofNullable(queue.poll());
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The controller's NEWFAMILY answer naming IPVS as family {@code id}. */
    static byte[] familyAnswer(int seq, int id) {
        return new MessageBuilder(Netlink.GENL_ID_CTRL, 0, seq, 1)
                .string(Netlink.CTRL_ATTR_FAMILY_NAME, "IPVS")
                .u16(Netlink.CTRL_ATTR_FAMILY_ID, id)
                .build();
    }

    /** An NLMSG_ERROR as a capped socket gets it: error 0 is an ACK. */
    static byte[] ack(int seq, int errno) {
        return ByteBuffer.allocate(36)
                .order(ByteOrder.nativeOrder())
                .putInt(36)
                .putShort((short) Netlink.NLMSG_ERROR)
                .putShort((short) Netlink.NLM_F_CAPPED)
                .putInt(seq)
                .putInt(0x78)
                .putInt(-errno)
                .putInt(20)
                .putShort((short) Hex.FAMILY)
                .putShort((short) 5)
                .putInt(seq)
                .putInt(0)
                .array();
    }

    static byte[] done(int seq) {
        return ByteBuffer.allocate(20)
                .order(ByteOrder.nativeOrder())
                .putInt(20)
                .putShort((short) Netlink.NLMSG_DONE)
                .putShort((short) Netlink.NLM_F_MULTI)
                .putInt(seq)
                .putInt(0x78)
                .putInt(0)
                .array();
    }

    /** A captured datagram with every sequence number replaced by {@code seq}. */
    static byte[] withSeq(ByteBuffer captured, int seq) throws NetlinkException {
        ByteBuffer copy = ByteBuffer.allocate(captured.remaining()).order(ByteOrder.nativeOrder());
        copy.put(captured.duplicate());
        int offset = 0;
        for (NetlinkMessage message : NetlinkMessage.split(captured)) {
            copy.putInt(offset + 8, seq);
            offset += Netlink.align(Netlink.HEADER_LENGTH + message.payload().limit());
        }
        return copy.array();
    }

    static ByteBuffer datagram(byte[]... messages) {
        int total = 0;
        for (byte[] message : messages) {
            total += message.length;
        }
        ByteBuffer datagram = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
        for (byte[] message : messages) {
            datagram.put(message);
        }
        return datagram.flip();
    }

    static byte[] bytes(ByteBuffer datagram) {
        byte[] out = new byte[datagram.remaining()];
        datagram.duplicate().get(out);
        return out;
    }
}
