package io.jdirectord.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Control messages as the 6.1 kernel sent them (reference section 7.4 and captured-replies.txt). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NetlinkMessageTest {

    private static final String VECTOR_A =
            "68000000XXXX0500010000000000000001010000540001800600010002000000060002000600000014000300c000020a"
                    + "000000000000000000000000060004000050000008000600777272000c00070000000000ffffffff0800080000000000"
                    + "08000900ffffffff";

    @Test
    void readsACappedAckForVectorA() throws NetlinkException {
        List<NetlinkMessage> messages = NetlinkMessage.split(
                Hex.buffer("24000000 0200 0001 65000000 75000000 | 00000000 | 68000000 2000 0500 65000000 00000000"));
        assertThat(messages).singleElement().satisfies(ack -> {
            assertThat(ack.isError()).isTrue();
            assertThat(ack.seq()).isEqualTo(0x65);
            assertThat(ack.errno()).isZero();
            assertThat(ack.extAckMessage()).isEmpty();
        });
    }

    @Test
    void readsAnUncappedErrorThatEchoesTheWholeRequest() throws NetlinkException {
        byte[] request = Hex.bytes(VECTOR_A);
        ByteBuffer error = ByteBuffer.allocate(124)
                .order(ByteOrder.nativeOrder())
                .putInt(124)
                .putShort((short) 2)
                .putShort((short) 0)
                .putInt(0x77)
                .putInt(0x75)
                .putInt(-17)
                .put(request);
        error.putInt(20 + 8, 0x77);
        NetlinkMessage message = NetlinkMessage.split(error.flip()).get(0);
        assertThat(message.errno()).isEqualTo(17);
        assertThat(message.seq()).isEqualTo(0x77);
        assertThat(message.extAckMessage()).isEmpty();
    }

    @Test
    void readsTheTextOfAnExtendedAck() throws NetlinkException {
        NetlinkMessage message = NetlinkMessage.split(Hex.buffer("84000000 0200 0002 a0000000 760b0af9 | deffffff"
                        + "| 1c000000 2000 0500 a0000000 00000000 | 0c010000 0600 0400 0500 0000"
                        + "| 2700 0100 417474726962757465206661696c656420706f6c6963792076616c69646174696f6e00 00"
                        + "| 0800 0200 14000000"
                        + "| 2400 0480 0c00 0400 0000000000000000 0c00 0500 ffffffff00000000 0800 0100 04000000"))
                .get(0);
        assertThat(message.errno()).isEqualTo(34);
        assertThat(message.extAckMessage()).isEqualTo("Attribute failed policy validation");
    }

    @Test
    void splitsADumpDatagramIntoItsMessagesAndReadsTheDone() throws NetlinkException {
        List<NetlinkMessage> parts = CapturedReplies.messages("dests_a");
        assertThat(parts).hasSize(2).allSatisfy(part -> {
            assertThat(part.type()).isEqualTo(Hex.FAMILY);
            assertThat(part.flags()).isEqualTo(Netlink.NLM_F_MULTI);
            assertThat(part.seq()).isEqualTo(0x67);
            assertThat(part.command()).isEqualTo(IpvsGenl.CMD_NEW_DEST);
        });
        NetlinkMessage done = CapturedReplies.messages("dests_a_done").get(0);
        assertThat(done.isDone()).isTrue();
        assertThat(done.errno()).isZero();
    }

    @Test
    void rejectsAMessageLongerThanItsDatagram() {
        assertThatThrownBy(() -> NetlinkMessage.split(Hex.buffer("20000000 0200 0000 01000000 00000000 00000000")))
                .isInstanceOf(NetlinkException.class)
                .hasMessageContaining("message length 32 with 20 bytes left");
    }

    @Test
    void readsTheErrnoOfARefusedRequest() throws NetlinkException {
        NetlinkMessage error = CapturedReplies.messages("unknown_scheduler").get(0);
        assertThat(error.isError()).isTrue();
        assertThat(error.flags()).isEqualTo(Netlink.NLM_F_CAPPED);
        assertThat(error.errno()).isEqualTo(2);
    }
}
