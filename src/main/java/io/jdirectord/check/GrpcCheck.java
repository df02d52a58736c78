package io.jdirectord.check;

import io.jdirectord.check.spec.GrpcSpec;
import io.jdirectord.net.AddressText;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * service=grpc and grpcs: the standard health check (grpc.health.v1.Health/Check, {@link GrpcHealth}) over
 * HTTP/2, in clear text with prior knowledge (grpc) or TLS with ALPN "h2" (grpcs), on a fresh connection
 * within negotiatetimeout, which it also sends as grpc-timeout. Up when the service is SERVING.
 */
public final class GrpcCheck implements Check {

    private final GrpcSpec spec;
    private final Optional<ImplicitTls> tls;
    private final String peerName;
    private final String authority;
    private final byte[] request;

    /** @throws IllegalArgumentException when the CA file is unusable */
    public GrpcCheck(GrpcSpec spec, TlsContexts contexts) {
        this.spec = spec;
        this.tls = spec.secure() ? Optional.of(contexts.forVerification(spec.tls())) : Optional.empty();
        this.peerName = spec.virtualHost().orElse(AddressText.of(spec.probe().address()));
        this.authority =
                spec.virtualHost().orElse(AddressText.bracketed(spec.probe().address())) + ":"
                        + spec.probe().port();
        try {
            this.request = GrpcHealth.request(spec.healthService());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the health request: " + e.getMessage(), e);
        }
    }

    @Override
    public CheckResult run(Deadline deadline) throws Exception {
        int maxBytes = spec.probe().maxReceiveBytes();
        try (ProbeSockets sockets = ProbeSockets.open(deadline, Http2Check.wireBound(maxBytes))) {
            H2Connection connection = new H2Connection(sockets, deadline);
            try {
                H2Stream stream =
                        connection.open(spec.probe().address(), spec.probe().port(), tls, peerName);
                H2Response response = stream.exchange(headers(deadline), request, maxBytes);
                return GrpcHealth.judge(response, spec.healthService());
            } catch (IOException e) {
                return CheckResult.down(
                        H2Failures.describe(e, connection.waitingFor(), sockets.cutOff(), peerName, timeout()));
            } catch (HttpException e) {
                return CheckResult.down(H2Failures.invalid(e));
            } catch (ProbeException e) {
                return CheckResult.down(e.getMessage());
            }
        }
    }

    private List<Header> headers(Deadline deadline) {
        return List.of(
                new BasicHeader(":method", "POST"),
                new BasicHeader(":scheme", spec.secure() ? "https" : "http"),
                new BasicHeader(":authority", authority),
                new BasicHeader(":path", GrpcHealth.PATH),
                new BasicHeader("content-type", "application/grpc"),
                new BasicHeader("te", "trailers"),
                new BasicHeader("grpc-timeout", Math.max(1, deadline.remainingMillis()) + "m"),
                new BasicHeader("user-agent", "jdirectord"));
    }

    @Override
    public Duration timeout() {
        return spec.probe().timeout();
    }
}
