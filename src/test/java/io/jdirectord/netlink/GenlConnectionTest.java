package io.jdirectord.netlink;

import static io.jdirectord.netlink.FakeKernel.ack;
import static io.jdirectord.netlink.FakeKernel.bytes;
import static io.jdirectord.netlink.FakeKernel.datagram;
import static io.jdirectord.netlink.FakeKernel.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.os.KernelErrno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class GenlConnectionTest {

    private static byte[] request(int seq, int command) {
        return new MessageBuilder(Hex.FAMILY, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, seq, command).build();
    }

    private static byte[] answer(int seq, int flags, int value) {
        return new MessageBuilder(Hex.FAMILY, flags, seq, 1).u32(1, value).build();
    }

    private static List<Integer> values(List<NetlinkMessage> messages) throws NetlinkException {
        List<Integer> values = new ArrayList<>();
        for (NetlinkMessage message : messages) {
            values.add(message.attributes().u32(1));
        }
        return values;
    }

    @Test
    void returnsTheAnswersOfARequestUpToItsAckAndDiscardsStaleOnes() throws NetlinkException {
        FakeKernel kernel = new FakeKernel(r -> List.of(
                bytes(datagram(answer(r.seq() - 1, 0, 99), ack(r.seq() - 1, 0))),
                bytes(datagram(answer(r.seq(), 0, 1), ack(r.seq(), 0)))));
        GenlConnection connection = new GenlConnection(kernel, 40);
        int seq = connection.nextSeq();
        assertThat(seq).isEqualTo(40);
        assertThat(values(connection.request(request(seq, 15)))).containsExactly(1);
    }

    @Test
    void throwsTheKernelsErrorWithItsNumber() {
        FakeKernel kernel = new FakeKernel(r -> List.of(ack(r.seq(), 1)));
        GenlConnection connection = new GenlConnection(kernel, 1);
        assertThatThrownBy(() -> connection.request(request(connection.nextSeq(), 4)))
                .isInstanceOf(NetlinkException.class)
                .hasMessage("Operation not permitted (EPERM, errno 1)")
                .extracting(e -> ((NetlinkException) e).errno())
                .isEqualTo(1);
    }

    @Test
    void collectsAMultiPartDumpAcrossDatagramsUntilDone() throws NetlinkException {
        FakeKernel kernel = new FakeKernel(r -> List.of(
                bytes(datagram(answer(r.seq(), Netlink.NLM_F_MULTI, 1), answer(r.seq(), Netlink.NLM_F_MULTI, 2))),
                answer(r.seq(), Netlink.NLM_F_MULTI, 3),
                bytes(datagram(answer(r.seq(), Netlink.NLM_F_MULTI, 4), done(r.seq())))));
        GenlConnection connection = new GenlConnection(kernel, 1);
        assertThat(values(connection.dump(request(connection.nextSeq(), 4)))).containsExactly(1, 2, 3, 4);
    }

    @Test
    void failsADumpTheKernelRefuses() {
        FakeKernel kernel = new FakeKernel(r -> List.of(ack(r.seq(), 95)));
        GenlConnection connection = new GenlConnection(kernel, 1);
        assertThatThrownBy(() -> connection.dump(request(connection.nextSeq(), 8)))
                .hasMessage("Operation not supported (EOPNOTSUPP, errno 95)");
    }

    @Test
    void mapsEveryAckToItsRequestWhateverTheOrderAndOneFailureHidesNothing() {
        FakeKernel kernel = new FakeKernel(r -> List.of());
        List<byte[]> acks = new ArrayList<>();
        GenlConnection connection = new GenlConnection(kernel, 100);
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int seq = connection.nextSeq();
            requests.add(request(seq, 5));
            acks.add(ack(seq, seq == 102 ? 17 : 0));
        }
        Collections.reverse(acks);
        FakeKernel replaying = new FakeKernel(r -> r.seq() == 104 ? acks : List.of());
        List<Optional<NetlinkException>> outcomes = new GenlConnection(replaying, 1).acknowledge(requests);
        assertThat(replaying.datagramsSent).hasSize(1);
        assertThat(outcomes)
                .extracting(outcome -> outcome.map(NetlinkException::errno).orElse(0))
                .containsExactly(0, 0, 17, 0, 0);
    }

    @Test
    void splitsLargeBatchesIntoDatagramsOfSafeSize() {
        FakeKernel kernel = new FakeKernel(r -> List.of(ack(r.seq(), 0)));
        GenlConnection connection = new GenlConnection(kernel, 1);
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            requests.add(request(connection.nextSeq(), 5));
        }
        assertThat(connection.acknowledge(requests)).hasSize(600).allMatch(Optional::isEmpty);
        assertThat(kernel.datagramsSent)
                .extracting(datagram -> datagram.length / 20)
                .containsExactly(256, 256, 88);
        List<byte[]> big = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            big.add(new MessageBuilder(Hex.FAMILY, 5, connection.nextSeq(), 5)
                    .bytes(1, new byte[180])
                    .build());
        }
        kernel.datagramsSent.clear();
        assertThat(connection.acknowledge(big)).allMatch(Optional::isEmpty);
        assertThat(kernel.datagramsSent)
                .allMatch(datagram -> datagram.length <= GenlConnection.BATCH_BYTES)
                .hasSize(2);
    }

    @Test
    void keepsTheAcksThatArrivedWhenTheRestAreLost() {
        NetlinkChannel losing = new NetlinkChannel() {
            private final List<ByteBuffer> queued = new ArrayList<>();

            @Override
            public void send(byte[] datagram) throws NetlinkException {
                List<NetlinkMessage> sent =
                        NetlinkMessage.split(ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder()));
                queued.add(datagram(ack(sent.get(0).seq(), 0)));
                queued.add(datagram(ack(sent.get(1).seq(), 22)));
            }

            @Override
            public ByteBuffer receive() throws NetlinkException {
                throw NetlinkException.system("recvfrom", KernelErrno.ENOBUFS);
            }

            @Override
            public Optional<ByteBuffer> poll() {
                return queued.isEmpty() ? Optional.empty() : Optional.of(queued.remove(0));
            }

            @Override
            public void close() {}
        };
        GenlConnection connection = new GenlConnection(losing, 1);
        List<byte[]> requests = List.of(
                request(connection.nextSeq(), 5), request(connection.nextSeq(), 5), request(connection.nextSeq(), 5));
        assertThat(connection.acknowledge(requests))
                .extracting(outcome -> outcome.map(NetlinkException::errno).orElse(0))
                .containsExactly(0, 22, KernelErrno.ENOBUFS);
    }

    @Test
    void neverUsesSequenceNumberZero() {
        GenlConnection connection = new GenlConnection(new FakeKernel(r -> List.of()), -1);
        assertThat(List.of(connection.nextSeq(), connection.nextSeq())).containsExactly(-1, 1);
    }
}
