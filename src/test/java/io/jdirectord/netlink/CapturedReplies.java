package io.jdirectord.netlink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The datagrams in captured-replies.txt, received from a 6.1 kernel (see the file's header). */
final class CapturedReplies {

    private static final Map<String, String> DATAGRAMS = load();

    private CapturedReplies() {}

    static ByteBuffer datagram(String name) {
        String hex = DATAGRAMS.get(name);
        if (hex == null) {
            throw new IllegalArgumentException("no captured datagram " + name);
        }
        return ByteBuffer.wrap(Hex.bytes(hex)).order(ByteOrder.nativeOrder());
    }

    static List<NetlinkMessage> messages(String name) throws NetlinkException {
        return NetlinkMessage.split(datagram(name));
    }

    private static Map<String, String> load() {
        try (InputStream in = CapturedReplies.class.getResourceAsStream("captured-replies.txt")) {
            Map<String, String> datagrams = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.trim().split(" ");
                    datagrams.put(parts[0], parts[1]);
                }
            }
            return datagrams;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
