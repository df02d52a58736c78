package io.jdirectord.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes of one level of a netlink message, by type (flag bits masked off). Unknown types are
 * kept but never required, so attributes added by newer kernels (and stats padding) are skipped.
 * Accessors read host order unless they say otherwise.
 */
final class Attributes {

    private final Map<Integer, ByteBuffer> payloads;

    private Attributes(Map<Integer, ByteBuffer> payloads) {
        this.payloads = payloads;
    }

    /** Parses the attributes between the buffer's position and limit. */
    static Attributes parse(ByteBuffer region) throws NetlinkException {
        Map<Integer, ByteBuffer> payloads = new HashMap<>();
        int offset = region.position();
        while (region.limit() - offset >= 4) {
            int length = Short.toUnsignedInt(region.getShort(offset));
            int type = Short.toUnsignedInt(region.getShort(offset + 2)) & Netlink.NLA_TYPE_MASK;
            if (length < 4) {
                break;
            }
            if (offset + length > region.limit()) {
                throw NetlinkException.malformed(
                        "attribute " + type + " of length " + length + " overruns its message");
            }
            payloads.put(type, region.slice(offset + 4, length - 4).order(ByteOrder.nativeOrder()));
            offset += Netlink.align(length);
        }
        return new Attributes(payloads);
    }

    boolean has(int type) {
        return payloads.containsKey(type);
    }

    Attributes nested(int type) throws NetlinkException {
        return parse(payload(type, 0));
    }

    int u8(int type) throws NetlinkException {
        return Byte.toUnsignedInt(payload(type, 1).get(0));
    }

    int u16(int type) throws NetlinkException {
        return Short.toUnsignedInt(payload(type, 2).getShort(0));
    }

    int u32(int type) throws NetlinkException {
        return payload(type, 4).getInt(0);
    }

    /** A u32 or u64 attribute (the width follows the payload length), as a non-negative long. */
    long unsigned(int type) throws NetlinkException {
        ByteBuffer payload = payload(type, 4);
        return payload.remaining() >= 8 ? payload.getLong(0) : Integer.toUnsignedLong(payload.getInt(0));
    }

    /** A 16-bit value in network order. */
    int be16(int type) throws NetlinkException {
        return Short.toUnsignedInt(payload(type, 2).order(ByteOrder.BIG_ENDIAN).getShort(0));
    }

    /** A 32-bit value in network order. */
    int be32(int type) throws NetlinkException {
        return payload(type, 4).order(ByteOrder.BIG_ENDIAN).getInt(0);
    }

    /** The first {@code length} payload bytes. */
    byte[] bytes(int type, int length) throws NetlinkException {
        byte[] out = new byte[length];
        payload(type, length).get(0, out);
        return out;
    }

    /** A string up to its NUL (or the end of the payload). */
    String string(int type) throws NetlinkException {
        ByteBuffer payload = payload(type, 0);
        int end = 0;
        while (end < payload.remaining() && payload.get(end) != 0) {
            end++;
        }
        byte[] text = new byte[end];
        payload.get(0, text);
        return new String(text, StandardCharsets.US_ASCII);
    }

    Optional<String> optionalString(int type) throws NetlinkException {
        return has(type) ? Optional.of(string(type)) : Optional.empty();
    }

    private ByteBuffer payload(int type, int minimumLength) throws NetlinkException {
        ByteBuffer payload = payloads.get(type);
        if (payload == null) {
            throw NetlinkException.malformed("attribute " + type + " is missing");
        }
        if (payload.remaining() < minimumLength) {
            throw NetlinkException.malformed(
                    "attribute " + type + " has " + payload.remaining() + " bytes, expected " + minimumLength);
        }
        return payload.duplicate().order(payload.order());
    }
}
