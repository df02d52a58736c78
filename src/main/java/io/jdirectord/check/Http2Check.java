package io.jdirectord.check;

import io.jdirectord.check.spec.HttpSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * service=http and https with httpversion=2: {@link HttpCheck}'s request, redirects and judgement over
 * HTTP/2 ({@link H2Stream}), TLS with ALPN "h2" for https and clear text with prior knowledge (h2c) for
 * http, a fresh connection per hop, all within negotiatetimeout. A server that does not speak HTTP/2 is
 * down with a reason that says so. HTTP/1.1 checks never come here.
 */
public final class Http2Check implements Check {

    private final HttpTarget target;
    private final Optional<ImplicitTls> tls;
    private final String method;
    private final HttpVerdict verdict;
    private final int maxBytes;
    private final Duration timeout;
    private final boolean followRedirects;

    /**
     * @param spec an http or https check's (not http_proxy's)
     * @throws IllegalArgumentException when the request or receive is malformed or the CA file unusable
     */
    public Http2Check(HttpSpec spec, TlsContexts contexts) {
        this.timeout = spec.probe().timeout();
        this.target = HttpTarget.of(spec).orElseThrow(() -> new IllegalArgumentException("HTTP/2 needs http or https"));
        this.tls = target.secure() ? Optional.of(contexts.forVerification(spec.tls())) : Optional.empty();
        this.method = spec.method().name();
        this.verdict = new HttpVerdict(ReceivePattern.of(spec.receive()), spec.followRedirects());
        this.maxBytes = spec.probe().maxReceiveBytes();
        this.followRedirects = spec.followRedirects();
    }

    @Override
    public CheckResult run(Deadline deadline) throws Exception {
        HttpRedirects redirects = new HttpRedirects(target);
        try (ProbeSockets sockets = ProbeSockets.open(deadline, wireBound(maxBytes))) {
            while (true) {
                HttpTarget to = redirects.current();
                H2Connection connection = new H2Connection(sockets, deadline);
                try {
                    HttpReply reply = exchange(connection, to);
                    if (!followRedirects || !HttpRedirects.isRedirect(reply.status())) {
                        return verdict.judge(reply, deadline, redirects.suffix());
                    }
                    redirects.follow(reply);
                } catch (IOException e) {
                    return CheckResult.down(
                            H2Failures.describe(e, connection.waitingFor(), sockets.cutOff(), to.peerName(), timeout)
                                    + redirects.suffix());
                } catch (HttpException e) {
                    return CheckResult.down(H2Failures.invalid(e) + redirects.suffix());
                } catch (ProbeException e) {
                    return CheckResult.down(e.getMessage() + redirects.suffix());
                }
            }
        }
    }

    private HttpReply exchange(H2Connection connection, HttpTarget to)
            throws IOException, HttpException, ProbeException {
        InetAddress address = to.connectAddress();
        H2Stream stream = connection.open(address, to.connectPort(), tls, to.peerName());
        H2Response response = stream.exchange(request(to), new byte[0], maxBytes);
        Optional<String> location = response.header("location");
        return new HttpReply(
                response.status(),
                new String(response.body(), StandardCharsets.UTF_8),
                response.body().length,
                response.truncated(),
                location);
    }

    private List<Header> request(HttpTarget to) {
        return List.of(
                new BasicHeader(":method", method),
                new BasicHeader(":scheme", to.scheme()),
                new BasicHeader(":authority", to.hostHeader()),
                new BasicHeader(":path", to.requestTarget()),
                new BasicHeader("user-agent", "jdirectord"));
    }

    /**
     * Every byte the server sends counts against one bound: the body's maxreceive twice over (frame
     * headers and padding add to it) and 256 KiB for header blocks and the frames around the response.
     */
    static int wireBound(int maxBytes) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * maxBytes + 256 * 1024);
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
