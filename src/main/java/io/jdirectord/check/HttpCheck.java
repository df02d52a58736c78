package io.jdirectord.check;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.ProbeSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.Timeout;

/**
 * service=http, https and http_proxy (ldirectord's check_http) with Apache HttpClient 5: one GET or HEAD
 * on a fresh connection, no redirects followed, no retries, no cookies. Up when the status is 2xx and,
 * if receive is set, the pattern occurs in the body (the first maxReceiveBytes of it). The whole
 * exchange, connect and TLS included, ends within negotiatetimeout: the exchange runs on its own virtual
 * thread and is cancelled at the deadline, so a server that trickles or never closes is cut off.
 */
public final class HttpCheck implements Check {

    private final CloseableHttpClient client;
    private final Optional<HttpTarget> target;
    private final String method;
    private final ReceivePattern receive;
    private final int maxBytes;
    private final Duration timeout;

    /**
     * @param clients where the shared client for this check's TLS setting comes from
     * @throws IllegalArgumentException when the request or receive is malformed or the CA file unusable
     */
    public HttpCheck(ProbeSpec spec, HttpClientCache clients) {
        CheckSpec check = spec.check();
        this.timeout = check.negotiateTimeout();
        this.client = clients.client(check.tls(), timeout);
        this.target = HttpTarget.of(spec);
        this.method = check.httpMethod().name();
        this.receive = ReceivePattern.of(check.receive());
        this.maxBytes = check.maxReceiveBytes();
    }

    /** A response as far as it was read: status and the first maxReceiveBytes of the body. */
    private record Reply(int status, String body, long bodyBytes, boolean truncated) {
    }

    @Override
    public CheckResult run(Deadline deadline) throws Exception {
        if (target.isEmpty()) {
            return CheckResult.down("http_proxy needs an absolute URL as request (request=\"http://host/path\")");
        }
        HttpTarget to = target.get();
        HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(to.path()));
        to.hostHeader().ifPresent(host -> request.setHeader(HttpHeaders.HOST, host));
        request.setHeader(HttpHeaders.CONNECTION, "close");
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(deadline.remaining())).build());
        to.proxy().ifPresent(proxy -> context.setAttribute(HttpClientCache.PROXY_ATTRIBUTE, proxy));
        AtomicReference<String> waitingFor = new AtomicReference<>("the HTTP response");
        try {
            Reply reply = DeadlineCall.call(deadline, () -> exchange(to, request, context, waitingFor), request::cancel);
            return judge(reply, deadline);
        } catch (TimeoutException e) {
            return CheckResult.down("timeout after " + Reasons.millis(timeout) + " waiting for " + waitingFor.get());
        } catch (IOException e) {
            return CheckResult.down(HttpFailures.describe(e, to.host().getHostName(), timeout));
        } catch (ProbeException e) {
            return CheckResult.down(e.getMessage());
        }
    }

    private Reply exchange(HttpTarget to, HttpUriRequestBase request, HttpClientContext context,
                           AtomicReference<String> waitingFor) throws IOException {
        ClassicHttpResponse response = client.executeOpen(to.host(), request, context);
        waitingFor.set("the body of HTTP " + response.getCode());
        try {
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                return new Reply(response.getCode(), "", 0, false);
            }
            BoundedInput body = new BoundedInput(entity.getContent(), maxBytes);
            byte[] bytes = body.readAllBytes();
            if (body.truncated()) {
                request.cancel();
            }
            return new Reply(response.getCode(), new String(bytes, StandardCharsets.UTF_8), bytes.length,
                    body.truncated());
        } finally {
            closeQuietly(response);
        }
    }

    /** Closes the response; failing to close a connection already read or cancelled changes nothing. */
    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // The reply is complete as far as the check is concerned.
        }
    }

    private CheckResult judge(Reply reply, Deadline deadline) throws ProbeException {
        int status = reply.status();
        if (status >= 300 && status < 400) {
            return CheckResult.down("HTTP " + status + " (redirects are not followed)");
        }
        if (status < 200 || status >= 300) {
            return CheckResult.down("HTTP " + status);
        }
        if (receive.isEmpty()) {
            return CheckResult.up("HTTP " + status);
        }
        if (receive.foundIn(reply.body(), deadline)) {
            return CheckResult.up("HTTP " + status + ", receive pattern " + receive + " found");
        }
        String where = reply.truncated() ? "the first " + Reasons.size(reply.bodyBytes()) + " (body truncated)"
                : Reasons.size(reply.bodyBytes());
        return CheckResult.down("HTTP " + status + " but receive pattern " + receive + " not found in " + where);
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
