package io.jdirectord.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/** Hex text of test vectors: whitespace and '|' are ignored, {@code XXXX} is the family id 0x0020. */
final class Hex {

    static final int FAMILY = 0x20;

    private Hex() {}

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s|]", "").replace("XXXX", "2000"));
    }

    static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(bytes(hex)).order(ByteOrder.nativeOrder());
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
