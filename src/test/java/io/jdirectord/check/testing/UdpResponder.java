package io.jdirectord.check.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A UDP server on a loopback address and a free port: records every datagram it receives and answers
 * each with the given datagrams (none: it stays silent), or with what a function makes of it.
 */
public final class UdpResponder implements AutoCloseable {

    private final DatagramSocket socket;
    private final Function<byte[], List<byte[]>> replies;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private UdpResponder(InetAddress address, int port, Function<byte[], List<byte[]>> replies) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(address, port));
        this.replies = replies;
        Thread.ofVirtual().name("udp-responder").start(this::serve);
    }

    public static UdpResponder start(InetAddress address, String... replies) throws IOException {
        List<byte[]> datagrams = Arrays.stream(replies)
                .map(reply -> reply.getBytes(StandardCharsets.UTF_8))
                .toList();
        return new UdpResponder(address, 0, request -> datagrams);
    }

    /**
     * Answers each datagram with the datagrams {@code replies} makes of it (none: silence), on {@code port}
     * (0: any free port).
     */
    public static UdpResponder answering(InetAddress address, int port, Function<byte[], List<byte[]>> replies)
            throws IOException {
        return new UdpResponder(address, port, replies);
    }

    private void serve() {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] request = Arrays.copyOf(packet.getData(), packet.getLength());
                received.add(new String(request, StandardCharsets.UTF_8));
                for (byte[] reply : replies.apply(request)) {
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        socket.close();
    }
}
