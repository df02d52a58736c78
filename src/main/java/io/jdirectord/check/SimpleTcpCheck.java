package io.jdirectord.check;

import io.jdirectord.check.spec.SimpleTcpSpec;
import io.jdirectord.config.Protocol;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * service=simpletcp (ldirectord's check_simpletcp) over the virtual's protocol. TCP: connect, send the
 * request without its leading "/" with every literal {@code \n} turned into a line feed, shut the write
 * side, then read lines until one contains the receive pattern (up) or the server closes (down). UDP: send
 * the request as one datagram and search the lines of the reply datagrams until the deadline; the end of
 * a datagram also ends a line. An empty receive accepts the first line received. Reads at most
 * maxReceiveBytes; the whole probe ends within negotiatetimeout.
 */
public final class SimpleTcpCheck implements Check {

    private static final int MAX_DATAGRAM = 65_507;
    private static final Pattern LINE_END = Pattern.compile("\r?\n");

    private final InetSocketAddress target;
    private final boolean udp;
    private final byte[] request;
    private final ReceivePattern receive;
    private final int maxBytes;
    private final Duration timeout;

    public SimpleTcpCheck(SimpleTcpSpec spec) {
        this.target = spec.probe().target();
        this.udp = spec.protocol() == Protocol.UDP;
        this.request = wireRequest(spec.request());
        this.receive = ReceivePattern.of(spec.receive());
        this.maxBytes = spec.probe().maxReceiveBytes();
        this.timeout = spec.probe().timeout();
    }

    /** The request as sent: leading "/" removed, each backslash-n replaced by LF. */
    static byte[] wireRequest(String request) {
        String text = request.startsWith("/") ? request.substring(1) : request;
        return text.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public CheckResult run(Deadline deadline) {
        try {
            return udp ? exchangeDatagrams(deadline) : exchangeStream(deadline);
        } catch (ProbeException e) {
            return CheckResult.down(e.getMessage());
        }
    }

    private CheckResult exchangeStream(Deadline deadline) throws ProbeException {
        try (TcpSession session = TcpSession.open(target, deadline, timeout, maxBytes)) {
            send(session);
            return readLines(session, deadline);
        }
    }

    private CheckResult readLines(TcpSession session, Deadline deadline) throws ProbeException {
        try {
            LineReader lines = new LineReader(session.input(), maxBytes);
            int count = 0;
            for (Optional<String> line = lines.next(); line.isPresent(); line = lines.next()) {
                count++;
                if (receive.foundIn(line.get(), deadline)) {
                    return matched(line.get());
                }
            }
            return notFound(count, lines.bytesRead(), lines.truncated());
        } catch (IOException e) {
            throw session.failure(e, "a line matching " + receive);
        }
    }

    /** Sends the request; a failure is ignored because the reply may already be waiting to be read. */
    private void send(TcpSession session) {
        try {
            OutputStream out = session.output();
            out.write(request);
            out.flush();
            session.shutdownOutput();
        } catch (IOException ignored) {
            // Reading next tells whether the server answered anyway.
        }
    }

    private CheckResult exchangeDatagrams(Deadline deadline) throws ProbeException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(target);
            socket.send(new DatagramPacket(request, request.length));
            return awaitDatagrams(socket, deadline);
        } catch (IOException e) {
            throw new ProbeException(
                    Reasons.exchangeFailure(e, deadline.expired(), timeout, "a UDP reply matching " + receive));
        }
    }

    private CheckResult awaitDatagrams(DatagramSocket socket, Deadline deadline) throws IOException, ProbeException {
        long received = 0;
        int count = 0;
        byte[] buffer = new byte[Math.min(MAX_DATAGRAM, maxBytes)];
        while (received < maxBytes) {
            socket.setSoTimeout(deadline.remainingMillis());
            DatagramPacket packet = new DatagramPacket(buffer, (int) Math.min(buffer.length, maxBytes - received));
            socket.receive(packet);
            received += packet.getLength();
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            for (String line : LINE_END.split(text)) {
                count++;
                if (receive.foundIn(line, deadline)) {
                    return matched(line);
                }
            }
        }
        return notFound(count, received, true);
    }

    private CheckResult matched(String line) {
        return CheckResult.up("received '" + Reasons.excerpt(line) + "'");
    }

    private CheckResult notFound(int lines, long bytes, boolean truncated) {
        if (lines == 0) {
            return CheckResult.down("connection closed without a reply");
        }
        String where = truncated
                ? "the first " + Reasons.size(bytes) + " (reply truncated)"
                : lines + (lines == 1 ? " line" : " lines") + " (" + Reasons.size(bytes) + ")";
        return CheckResult.down("receive pattern " + receive + " not found in " + where);
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
