package io.jdirectord.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Encodes one generic-netlink request: nlmsghdr, genlmsghdr (version 1), then attributes, each padded
 * with zeros to 4 bytes. Header fields and integers are in host order unless a method says otherwise.
 */
final class MessageBuilder {

    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    private final Deque<Integer> openNests = new ArrayDeque<>();

    MessageBuilder(int type, int flags, int seq, int command) {
        buffer.putInt(0)
                .putShort((short) type)
                .putShort((short) flags)
                .putInt(seq)
                .putInt(0);
        buffer.put((byte) command).put((byte) 1).putShort((short) 0);
    }

    MessageBuilder u8(int type, int value) {
        return attribute(type, 1).put((byte) value).pad();
    }

    MessageBuilder u16(int type, int value) {
        return attribute(type, 2).putShort((short) value).pad();
    }

    MessageBuilder u32(int type, int value) {
        return attribute(type, 4).putInt(value).pad();
    }

    /** A 16-bit value in network order. */
    MessageBuilder be16(int type, int value) {
        attribute(type, 2);
        buffer.order(ByteOrder.BIG_ENDIAN).putShort((short) value).order(ByteOrder.nativeOrder());
        return pad();
    }

    /** A 32-bit value in network order. */
    MessageBuilder be32(int type, int value) {
        attribute(type, 4);
        buffer.order(ByteOrder.BIG_ENDIAN).putInt(value).order(ByteOrder.nativeOrder());
        return pad();
    }

    MessageBuilder bytes(int type, byte[] value) {
        return attribute(type, value.length).put(value).pad();
    }

    /** Two host-order u32 values in one attribute (struct ip_vs_flags). */
    MessageBuilder u32Pair(int type, int first, int second) {
        return attribute(type, 8).putInt(first).putInt(second).pad();
    }

    /** A NUL-terminated ASCII string. */
    MessageBuilder string(int type, String value) {
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        return bytes(type, Arrays.copyOf(text, text.length + 1));
    }

    /** Opens a nested attribute (flagged NLA_F_NESTED); close it with {@link #end()}. */
    MessageBuilder begin(int type) {
        ensure(4);
        openNests.push(buffer.position());
        buffer.putShort((short) 0).putShort((short) (type | Netlink.NLA_F_NESTED));
        return this;
    }

    MessageBuilder end() {
        int start = openNests.pop();
        buffer.putShort(start, (short) (buffer.position() - start));
        return this;
    }

    /** The finished message, with nlmsg_len filled in. */
    byte[] build() {
        if (!openNests.isEmpty()) {
            throw new IllegalStateException("unclosed nested attribute");
        }
        buffer.putInt(0, buffer.position());
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private MessageBuilder attribute(int type, int payloadLength) {
        ensure(4 + Netlink.align(payloadLength));
        buffer.putShort((short) (4 + payloadLength)).putShort((short) type);
        return this;
    }

    private MessageBuilder put(byte value) {
        buffer.put(value);
        return this;
    }

    private MessageBuilder put(byte[] value) {
        buffer.put(value);
        return this;
    }

    private MessageBuilder putShort(short value) {
        buffer.putShort(value);
        return this;
    }

    private MessageBuilder putInt(int value) {
        buffer.putInt(value);
        return this;
    }

    private MessageBuilder pad() {
        while ((buffer.position() & 3) != 0) {
            buffer.put((byte) 0);
        }
        return this;
    }

    private void ensure(int more) {
        if (buffer.remaining() < more) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more))
                    .order(ByteOrder.nativeOrder());
            bigger.put(buffer.array(), 0, buffer.position());
            buffer = bigger;
        }
    }
}
