package io.jdirectord.check;

import io.jdirectord.os.Epoll;
import io.jdirectord.os.NativeBuffer;
import io.jdirectord.os.TcpSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.hc.core5.http.HttpException;

/**
 * One run of an {@link HttpLoopCheck} on the {@link ProbeLoop}: connect, send the request, gather the reply
 * until {@link Http1Codec} can read all it needs of it (the head, then the body to its end or to maxBytes),
 * judge it, and follow redirects on fresh connections to the same real server. Everything the server sends
 * counts against the check's wire bound. Failures are worded as {@link HttpCheck} words them.
 */
final class HttpLoopProbe extends LoopProbe {

    private static final byte[] NOTHING = new byte[0];
    private static final int FAILED = Epoll.ERR | Epoll.HUP;

    private final HttpLoopCheck check;
    private final HttpRedirects redirects;
    private ProbeLoop loop;
    private HttpTarget to;
    /** The connection's socket, -1 when none is open. */
    private int fd = -1;

    /** How many connections it has opened (one, and one more per redirect followed). */
    private int connections;

    private boolean connecting;
    /** Whether the socket reported something to read that has not been read yet (it came while the request was being sent). */
    private boolean unread;

    private byte[] request = NOTHING;
    private int sent;
    private byte[] received = NOTHING;
    private int count;
    private boolean overLimit;
    private boolean ended;
    private String waitingFor = HttpExchange.CONNECT;

    HttpLoopProbe(HttpLoopCheck check, Deadline deadline, Consumer<CheckResult> done) {
        super(deadline, check.timeout, done);
        this.check = check;
        this.redirects = new HttpRedirects(check.target);
        this.to = check.target;
    }

    @Override
    void begin(ProbeLoop loop) throws IOException {
        this.loop = loop;
        connect();
    }

    /**
     * Opens the connection to the current target and adds its socket to the loop: its first event says
     * whether it connected (writable) or failed (an error).
     */
    private void connect() throws IOException {
        to = redirects.current();
        byte[] sockaddr = check.sockaddr(to);
        request = check.request(to);
        sent = 0;
        unread = false;
        waitingFor = HttpExchange.CONNECT;
        fd = TcpSocket.open(sockaddr);
        connections++;
        connecting = !TcpSocket.connect(fd, sockaddr);
        if (!connecting) {
            waitingFor = HttpExchange.RESPONSE;
        }
        loop.register(fd, this);
    }

    @Override
    void ready(int events) throws Exception {
        if (connecting) {
            if ((events & FAILED) != 0) {
                TcpSocket.finishConnect(fd, loop.scratch());
            }
            if ((events & (Epoll.OUT | FAILED)) == 0) {
                return;
            }
            connecting = false;
            waitingFor = HttpExchange.RESPONSE;
        }
        unread |= (events & (Epoll.IN | FAILED)) != 0;
        if (sent < request.length) {
            write();
        }
        if (sent == request.length && unread) {
            unread = false;
            read();
        }
    }

    /**
     * Sends what is left of the request until the socket takes no more; the rest at its next
     * {@link Epoll#OUT} (edge-triggered: reported once the socket has room again).
     */
    private void write() throws IOException {
        for (int n = 1; n > 0 && sent < request.length; sent += n) {
            n = TcpSocket.send(fd, loop.buffer(), request, sent, request.length - sent);
        }
    }

    /**
     * Reads what has arrived until the reply is complete, the server ends the stream or nothing more is
     * waiting (edge-triggered: the next arrival is a new event).
     */
    private void read() throws Exception {
        int connection = connections;
        while (!finished() && connections == connection) {
            NativeBuffer buffer = loop.buffer();
            int n = TcpSocket.receive(fd, buffer, check.wireBound - count + 1);
            if (n == 0) {
                return;
            }
            if (n < 0) {
                ended = true;
            } else {
                keep(buffer, n);
            }
            parse();
            if (ended) {
                return;
            }
        }
    }

    /** Keeps the {@code arrived} bytes at the buffer's start, up to the wire bound; more marks the reply over the limit. */
    private void keep(NativeBuffer buffer, int arrived) {
        int room = check.wireBound - count;
        int take = Math.min(room, arrived);
        overLimit |= arrived > room;
        if (count + take > received.length) {
            received = Arrays.copyOf(received, Math.max(count + take, Math.min(check.wireBound, 2 * received.length)));
        }
        buffer.copyTo(received, count, take);
        count += take;
    }

    private void parse() throws Exception {
        Received in = new Received(received, count, ended);
        Http1Codec codec = new Http1Codec();
        HttpReply reply;
        try {
            reply = codec.read(in, check.method, check.maxBytes, check.followRedirects);
        } catch (IOException | HttpException e) {
            if (!in.starved) {
                throw e;
            }
            if (codec.status() != 0) {
                waitingFor = HttpExchange.bodyOf(codec.status());
            }
            if (overLimit) {
                throw new ReceiveLimitException(check.wireBound);
            }
            return;
        }
        replied(reply);
    }

    private void replied(HttpReply reply) throws Exception {
        if (!check.followRedirects || !HttpRedirects.isRedirect(reply.status())) {
            finish(check.verdict.judge(reply, deadline(), redirects.suffix()));
            return;
        }
        closeChannel();
        redirects.follow(reply);
        received = NOTHING;
        count = 0;
        overLimit = false;
        ended = false;
        connect();
    }

    @Override
    CheckResult timedOut() {
        return CheckResult.down(
                HttpFailures.describe(new SocketTimeoutException(), waitingFor, true, to.peerName(), check.timeout)
                        + redirects.suffix());
    }

    @Override
    CheckResult failed(Exception e) {
        return switch (e) {
            case IOException io ->
                CheckResult.down(HttpFailures.describe(io, waitingFor, false, to.peerName(), check.timeout)
                        + redirects.suffix());
            case HttpException http -> CheckResult.down(HttpFailures.invalid(http) + redirects.suffix());
            case ProbeException probe -> CheckResult.down(probe.getMessage() + redirects.suffix());
            default -> CheckResult.down(CheckRunner.describe(e));
        };
    }

    @Override
    void release() {
        closeChannel();
        received = NOTHING;
    }

    private void closeChannel() {
        if (fd >= 0) {
            loop.close(fd);
        }
        fd = -1;
    }

    /**
     * The bytes received so far as a stream: at their end it reports the end of the stream once the server
     * has closed the connection, else it fails with {@link NotYet} and remembers that it was {@link #starved}.
     */
    private static final class Received extends InputStream {
        private final byte[] bytes;
        private final int count;
        private final boolean ended;
        private int position;
        boolean starved;

        Received(byte[] bytes, int count, boolean ended) {
            this.bytes = bytes;
            this.count = count;
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == count) {
                if (ended) {
                    return -1;
                }
                starved = true;
                throw new NotYet();
            }
            int n = Math.min(length, count - position);
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return count - position;
        }
    }

    /** The reply is not all here yet: thrown to stop a read (without a stack trace), never seen outside this class. */
    private static final class NotYet extends IOException {
        private static final long serialVersionUID = 1L;

        NotYet() {
            super("more of the reply is on its way", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
