package io.jdirectord.check;

import io.jdirectord.check.spec.HttpSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.core5.http.HttpException;

/**
 * service=http, https and http_proxy (ldirectord's check_http), carried by the probe's own thread; {@link #of}
 * gives plain http to the real server's address to {@link HttpLoopCheck} instead, the same check on the
 * {@link ProbeLoop}. A GET or HEAD on a fresh connection
 * ({@link HttpExchange}), no retries, no cookies; redirects followed on the same real server
 * ({@link HttpRedirects}, a fresh connection per hop) unless followredirects=no. Up when the final
 * status is 2xx and, if receive is set, the pattern occurs in the body (the first maxReceiveBytes of it;
 * the bodies of followed redirects are not read). The whole chain, connects and TLS included, runs on the
 * probe's thread and ends within negotiatetimeout: a guard closes its sockets at the deadline, so a server
 * that trickles or never closes is cut off.
 */
public final class HttpCheck implements Check {

    private final Optional<HttpTarget> target;
    private final Optional<ImplicitTls> tls;
    private final String method;
    private final int maxBytes;
    private final Duration timeout;
    private final boolean followRedirects;
    private final HttpVerdict verdict;

    /**
     * @param contexts where the shared TLS set-up for this check's verification setting comes from
     * @throws IllegalArgumentException when the request or receive is malformed or the CA file unusable
     */
    public HttpCheck(HttpSpec spec, TlsContexts contexts) {
        this.timeout = spec.probe().timeout();
        this.target = HttpTarget.of(spec);
        this.tls = target.filter(HttpTarget::secure).map(to -> contexts.forVerification(spec.tls()));
        this.method = spec.method().name();
        this.maxBytes = spec.probe().maxReceiveBytes();
        this.followRedirects = spec.followRedirects();
        this.verdict = new HttpVerdict(ReceivePattern.of(spec.receive()), followRedirects);
    }

    /**
     * The check for {@code spec}: carried by the {@link ProbeLoop} when it is plain http to the real server's
     * address ({@link HttpLoopCheck}), else an HttpCheck on the probe's own thread.
     *
     * @throws IllegalArgumentException when the request or receive is malformed or the CA file unusable
     */
    public static Check of(HttpSpec spec, TlsContexts contexts) {
        return HttpLoopCheck.of(spec, ProbeLoop.next()).orElseGet(() -> new HttpCheck(spec, contexts));
    }

    @Override
    public CheckResult run(Deadline deadline) throws Exception {
        if (target.isEmpty()) {
            return CheckResult.down("http_proxy needs an absolute URL as request (request=\"http://host/path\")");
        }
        HttpRedirects redirects = new HttpRedirects(target.get());
        try (ProbeSockets sockets = ProbeSockets.open(deadline, wireBound(maxBytes))) {
            while (true) {
                HttpTarget to = redirects.current();
                HttpExchange exchange = new HttpExchange(sockets, deadline);
                try {
                    HttpReply reply = exchange.run(to, method, tls, maxBytes, followRedirects);
                    if (!followRedirects || !HttpRedirects.isRedirect(reply.status())) {
                        return verdict.judge(reply, deadline, redirects.suffix());
                    }
                    exchange.close();
                    redirects.follow(reply);
                } catch (IOException e) {
                    return CheckResult.down(
                            HttpFailures.describe(e, exchange.waitingFor(), sockets.cutOff(), to.peerName(), timeout)
                                    + redirects.suffix());
                } catch (HttpException e) {
                    return CheckResult.down(HttpFailures.invalid(e) + redirects.suffix());
                } catch (ProbeException e) {
                    return CheckResult.down(e.getMessage() + redirects.suffix());
                }
            }
        }
    }

    /**
     * Every byte the server sends on the connection counts against one bound: the body's maxreceive twice
     * over (chunked encoding adds to it on the wire) and 64 KiB for the status line and headers of the
     * response and of any interim (1xx) responses before it. An endless stream of "100 Continue" stops there.
     */
    static int wireBound(int maxBytes) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * maxBytes + 64 * 1024);
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
