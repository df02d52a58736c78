package io.jdirectord.check;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * One UDP request and its reply for a probe: a socket connected to the real server (so only its datagrams
 * arrive, and an ICMP port unreachable fails the exchange), the request retransmitted at growing
 * intervals, and at most maxReceiveBytes of datagrams read in all.
 */
final class DatagramExchange implements AutoCloseable {

    /** The largest UDP payload there is. */
    private static final int MAX_DATAGRAM = 65_535;

    /** Judges one datagram from the server. */
    @FunctionalInterface
    interface Reply<T> {
        /**
         * @return the outcome when the datagram settles the exchange; empty when it does not (a reply to
         *         another request, an interim answer) and the wait goes on
         * @throws ProbeException when the datagram shows the server is not healthy
         */
        Optional<T> accept(byte[] datagram) throws ProbeException;
    }

    private final DatagramSocket socket;
    private final int maxBytes;
    private long received;
    private int ignored;

    private DatagramExchange(DatagramSocket socket, int maxBytes) {
        this.socket = socket;
        this.maxBytes = maxBytes;
    }

    /** A socket bound to an ephemeral port and connected to {@code target}. */
    static DatagramExchange open(InetSocketAddress target, int maxBytes) throws IOException {
        DatagramSocket socket = new DatagramSocket();
        try {
            socket.connect(target);
            return new DatagramExchange(socket, maxBytes);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The address and port the server sees as the source of the request. */
    InetSocketAddress local() {
        return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
    }

    /** How many datagrams {@link Reply#accept} passed over in the last exchange. */
    int ignored() {
        return ignored;
    }

    /**
     * Sends {@code request}, again after {@code first}, then after intervals doubling up to {@code most},
     * until a datagram settles the exchange.
     *
     * @throws SocketTimeoutException when the deadline passes first
     * @throws ReceiveLimitException  when the datagrams add up to more than maxReceiveBytes
     * @throws IOException            port unreachable and other socket failures
     */
    <T> T exchange(byte[] request, Duration first, Duration most, Deadline deadline, Reply<T> reply)
            throws IOException, ProbeException {
        ignored = 0;
        long interval = first.toNanos();
        long nextSend = System.nanoTime();
        while (true) {
            if (System.nanoTime() - nextSend >= 0) {
                socket.send(new DatagramPacket(request, request.length));
                nextSend = System.nanoTime() + interval;
                interval = Math.min(interval * 2, most.toNanos());
            }
            Optional<byte[]> datagram = receiveUntil(
                    Math.min(nextSend - System.nanoTime(), deadline.nanoTime() - System.nanoTime()), deadline);
            if (datagram.isPresent()) {
                Optional<T> outcome = reply.accept(datagram.get());
                if (outcome.isPresent()) {
                    return outcome.get();
                }
                ignored++;
            }
        }
    }

    /** The next datagram within {@code waitNanos}; empty when none came in that time. */
    private Optional<byte[]> receiveUntil(long waitNanos, Deadline deadline) throws IOException {
        if (deadline.expired()) {
            throw new SocketTimeoutException("deadline passed");
        }
        long left = maxBytes - received;
        byte[] buffer = new byte[(int) Math.min(MAX_DATAGRAM, left + 1)];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout((int) Math.max(
                1, Math.min(Integer.MAX_VALUE, Duration.ofNanos(waitNanos).toMillis())));
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        received += packet.getLength();
        if (received > maxBytes) {
            throw new ReceiveLimitException(maxBytes);
        }
        return Optional.of(Arrays.copyOf(packet.getData(), packet.getLength()));
    }

    @Override
    public void close() {
        socket.close();
    }
}
