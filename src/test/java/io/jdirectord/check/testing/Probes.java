package io.jdirectord.check.testing;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.HttpMethod;
import io.jdirectord.config.HttpVersion;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import io.jdirectord.config.VirtualServiceKey;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds {@link ProbeSpec}s for check tests: ldirectord's defaults, short timeouts, one real server. */
public final class Probes {

    private final CheckSpec.Builder check =
            CheckSpec.builder().checkTimeout(Duration.ofSeconds(2)).negotiateTimeout(Duration.ofSeconds(2));
    private final Endpoint real;
    private Optional<VirtualServiceKey> virtual = Optional.empty();

    private Probes(Endpoint real) {
        this.real = real;
    }

    /** A negotiate probe with service none aimed at {@code address:port}. */
    public static Probes to(InetAddress address, int port) {
        return new Probes(new Endpoint(address, port));
    }

    /** A negotiate probe of {@code service} aimed at {@code address:port}. */
    public static Probes negotiate(ServiceKind service, InetAddress address, int port) {
        return to(address, port).service(service);
    }

    /** A ping probe of {@code address}. */
    public static Probes ping(InetAddress address) {
        return to(address, 0).type(CheckType.PING);
    }

    public Probes type(CheckType value) {
        check.type(value);
        return this;
    }

    public Probes hybrid(int connects) {
        check.type(CheckType.COMBINED).hybridConnects(connects);
        return this;
    }

    public Probes service(ServiceKind value) {
        check.service(value);
        return this;
    }

    public Probes protocol(Protocol value) {
        check.protocol(value);
        return this;
    }

    public Probes request(String value) {
        check.request(value);
        return this;
    }

    public Probes receive(String value) {
        check.receive(value);
        return this;
    }

    public Probes method(HttpMethod value) {
        check.httpMethod(value);
        return this;
    }

    public Probes virtualHost(String value) {
        check.virtualHost(Optional.of(value));
        return this;
    }

    public Probes login(String user, String password) {
        check.login(user).passwd(password);
        return this;
    }

    /** The RADIUS shared secret. */
    public Probes secret(String value) {
        check.secret(value);
        return this;
    }

    /** The database of SQL checks. */
    public Probes database(String name) {
        check.database(name);
        return this;
    }

    public Probes command(Path program) {
        return command(program.toString());
    }

    public Probes command(String program) {
        check.checkCommand(program);
        return this;
    }

    public Probes checkPort(int port) {
        check.checkPort(OptionalInt.of(port));
        return this;
    }

    /** Sets both checktimeout and negotiatetimeout. */
    public Probes timeout(Duration value) {
        return timeouts(value, value);
    }

    public Probes timeouts(Duration checkTimeout, Duration negotiate) {
        check.checkTimeout(checkTimeout).negotiateTimeout(negotiate);
        return this;
    }

    public Probes tls(TlsVerification value) {
        check.tls(value);
        return this;
    }

    public Probes maxReceive(int bytes) {
        check.maxReceiveBytes(bytes);
        return this;
    }

    public Probes checkCount(int value) {
        check.checkCount(value);
        return this;
    }

    public Probes sshKey(Path key) {
        check.sshKey(Optional.of(key));
        return this;
    }

    public Probes dynamicWeight() {
        check.dynamicWeight(true);
        return this;
    }

    public Probes followRedirects(boolean value) {
        check.followRedirects(value);
        return this;
    }

    public Probes httpVersion(HttpVersion value) {
        check.httpVersion(value);
        return this;
    }

    public Probes virtual(VirtualServiceKey key) {
        virtual = Optional.of(key);
        return this;
    }

    public ProbeSpec build() {
        return new ProbeSpec(check.build(), real, virtual);
    }
}
