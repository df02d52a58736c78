package io.jdirectord.check;

import io.jdirectord.check.spec.HttpSpec;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.os.TcpSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * service=http to the real server's own address (the usual check): the same check as {@link HttpCheck}
 * (same request, redirects, verdict and reasons, through the same {@link Http1Codec}), carried by the
 * {@link ProbeLoop} instead of a thread of its own. Targets that need a name resolved, TLS or a proxy stay
 * with {@link HttpCheck}.
 */
final class HttpLoopCheck implements LoopCheck {

    final HttpTarget target;
    final String method;
    final int maxBytes;
    final int wireBound;
    final Duration timeout;
    final boolean followRedirects;
    final HttpVerdict verdict;
    private final byte[] request;
    private final byte[] sockaddr;
    private final ProbeLoop loop;

    private HttpLoopCheck(HttpSpec spec, HttpTarget target, ProbeLoop loop) {
        this.target = target;
        this.method = spec.method().name();
        this.maxBytes = spec.probe().maxReceiveBytes();
        this.wireBound = HttpCheck.wireBound(maxBytes);
        this.timeout = spec.probe().timeout();
        this.followRedirects = spec.followRedirects();
        this.verdict = new HttpVerdict(ReceivePattern.of(spec.receive()), followRedirects);
        this.request = Http1Codec.request(target, method);
        this.sockaddr = TcpSocket.sockaddr(target.address().orElseThrow(), target.connectPort());
        this.loop = loop;
    }

    /**
     * The loop check for {@code spec} when it is plain http to a known address, else empty.
     *
     * @throws IllegalArgumentException when the request or receive is malformed
     */
    static Optional<Check> of(HttpSpec spec, ProbeLoop loop) {
        if (spec.service() != ServiceKind.HTTP) {
            return Optional.empty();
        }
        return HttpTarget.of(spec)
                .filter(to ->
                        to.address().isPresent() && !to.secure() && to.proxy().isEmpty())
                .map(to -> new HttpLoopCheck(spec, to, loop));
    }

    /** The request bytes for {@code to}: those of the first target are made once. */
    byte[] request(HttpTarget to) {
        return isFirst(to) ? request : Http1Codec.request(to, method);
    }

    /** The socket address to connect to for {@code to}: that of the first target is made once. */
    byte[] sockaddr(HttpTarget to) throws UnknownHostException {
        return isFirst(to) ? sockaddr : TcpSocket.sockaddr(to.connectAddress(), to.connectPort());
    }

    /**
     * Whether {@code to} is the check's own target. It nearly always is the same instance (a record's
     * equals runs through a method handle that C1 does not inline), so identity is tried first.
     */
    @SuppressWarnings("ReferenceEquality")
    private boolean isFirst(HttpTarget to) {
        return to == target || to.equals(target);
    }

    @Override
    public void start(Deadline deadline, Consumer<CheckResult> done) {
        loop.start(new HttpLoopProbe(this, deadline, done));
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
