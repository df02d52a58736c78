package io.jdirectord.check;

import io.jdirectord.check.spec.SipSpec;
import io.jdirectord.config.Protocol;
import io.jdirectord.net.AddressText;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * service=sip (ldirectord's check_sip): sends an OPTIONS request ({@link SipRequest}) for
 * {@code sip:<login>}, or for {@code sip:<real address>:<check port>} when login is empty, and is up when
 * the final response to it is {@code SIP/2.0 200}. Provisional (1xx) responses are waited past; responses
 * whose Call-ID or top Via branch differ are ignored; any other final status is down ("SIP 404 Not Found").
 *
 * <p>Transport: TCP when the virtual's protocol is tcp, else UDP (udp, and fwm: UDP is the transport every
 * SIP element supports). Over UDP the request is sent again after 500 ms, 1 s, 2 s, then every 4 s
 * (RFC 3261 timers E/T2) within the deadline. Over TCP responses are read head by head, their bodies
 * (Content-Length) skipped. At most maxReceiveBytes are read; the whole probe ends within negotiatetimeout.
 */
public final class SipCheck implements Check {

    private static final Duration T1 = Duration.ofMillis(500);
    private static final Duration T2 = Duration.ofSeconds(4);
    private static final int OK = 200;

    private final InetSocketAddress target;
    private final boolean tcp;
    private final String uri;
    private final int maxBytes;
    private final Duration timeout;

    public SipCheck(SipSpec spec) {
        this.target = spec.probe().target();
        this.tcp = spec.protocol() == Protocol.TCP;
        this.uri = requestUri(spec.login(), target);
        this.maxBytes = spec.probe().maxReceiveBytes();
        this.timeout = spec.probe().timeout();
    }

    /** {@code sip:<login>} (a login already starting with sip: or sips: as is), else the server's own URI. */
    static String requestUri(String login, InetSocketAddress server) {
        if (login.isEmpty()) {
            return "sip:" + AddressText.withPort(server.getAddress(), server.getPort());
        }
        return login.startsWith("sip:") || login.startsWith("sips:") ? login : "sip:" + login;
    }

    @Override
    public CheckResult run(Deadline deadline) {
        try {
            SipResponse response = tcp ? overTcp(deadline) : overUdp(deadline);
            return response.code() == OK ? CheckResult.up(response.status()) : CheckResult.down(response.status());
        } catch (ProbeException e) {
            return CheckResult.down(e.getMessage());
        }
    }

    private SipResponse overUdp(Deadline deadline) throws ProbeException {
        AtomicReference<SipResponse> provisional = new AtomicReference<>();
        try (DatagramExchange exchange = openUdp()) {
            SipRequest request = SipRequest.options(uri, "UDP", exchange.local());
            try {
                return exchange.exchange(request.bytes(), T1, T2, deadline, datagram -> {
                    SipResponse response = SipResponse.parse(new String(datagram, StandardCharsets.UTF_8));
                    return judge(response, request, provisional);
                });
            } catch (IOException e) {
                throw new ProbeException(failure(e, deadline, provisional.get()));
            }
        }
    }

    private DatagramExchange openUdp() throws ProbeException {
        try {
            return DatagramExchange.open(target, maxBytes);
        } catch (IOException e) {
            throw new ProbeException(Reasons.connectFailure(e, false, timeout));
        }
    }

    private SipResponse overTcp(Deadline deadline) throws ProbeException {
        AtomicReference<SipResponse> provisional = new AtomicReference<>();
        try (TcpSession session = TcpSession.open(target, deadline, timeout, maxBytes)) {
            SipRequest request = SipRequest.options(uri, "TCP", session.local());
            BoundedInput bounded = null;
            try {
                send(session.output(), request.bytes());
                bounded = new BoundedInput(session.input(), maxBytes);
                InputStream in = new BufferedInputStream(bounded);
                Optional<SipResponse> last = Optional.empty();
                while (last.isEmpty()) {
                    last = judge(SipResponse.read(in), request, provisional);
                }
                return last.get();
            } catch (IOException e) {
                boolean atLimit = bounded != null && bounded.count() >= maxBytes;
                throw new ProbeException(
                        atLimit
                                ? "SIP: " + new ReceiveLimitException(maxBytes).getMessage()
                                : failure(e, deadline, provisional.get()));
            }
        }
    }

    private static void send(OutputStream out, byte[] request) throws IOException {
        out.write(request);
        out.flush();
    }

    /** The final response to {@code request}; empty for a provisional one (kept) or one to another request. */
    private static Optional<SipResponse> judge(
            SipResponse response, SipRequest request, AtomicReference<SipResponse> provisional) {
        if (!response.answers(request)) {
            return Optional.empty();
        }
        if (response.provisional()) {
            provisional.set(response);
            return Optional.empty();
        }
        return Optional.of(response);
    }

    private String failure(IOException e, Deadline deadline, SipResponse provisional) {
        String reason = Reasons.exchangeFailure("SIP", e, deadline.expired(), timeout, "a final response");
        boolean timedOut = deadline.expired() || e instanceof SocketTimeoutException;
        return timedOut && provisional != null ? reason + " (after " + provisional.status() + ")" : reason;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
