package io.jdirectord.check.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UDP server on a loopback address and a free port: records every datagram it receives and answers
 * each with the given datagrams (none: it stays silent).
 */
public final class UdpResponder implements AutoCloseable {

    private final DatagramSocket socket;
    private final List<String> replies;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private UdpResponder(InetAddress address, List<String> replies) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(address, 0));
        this.replies = List.copyOf(replies);
        Thread.ofVirtual().name("udp-responder").start(this::serve);
    }

    public static UdpResponder start(InetAddress address, String... replies) throws IOException {
        return new UdpResponder(address, List.of(replies));
    }

    private void serve() {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                received.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
                for (String reply : replies) {
                    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
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
