package io.jdirectord.check.testing;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.HttpMethod;
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

    private CheckType type = CheckType.NEGOTIATE;
    private int hybridConnects;
    private ServiceKind service = ServiceKind.NONE;
    private Protocol protocol = Protocol.TCP;
    private String request = "/";
    private String receive = "";
    private HttpMethod httpMethod = HttpMethod.GET;
    private Optional<String> virtualHost = Optional.empty();
    private String login = "";
    private String passwd = "";
    private String secret = "";
    private String database = "";
    private String checkCommand = "/bin/true";
    private OptionalInt checkPort = OptionalInt.empty();
    private Duration checkTimeout = Duration.ofSeconds(2);
    private Duration negotiateTimeout = Duration.ofSeconds(2);
    private TlsVerification tls = TlsVerification.OFF;
    private int maxReceiveBytes = CheckSpec.DEFAULT_MAX_RECEIVE_BYTES;
    private int checkCount = 1;
    private boolean dynamicWeight;
    private Optional<Path> sshKey = Optional.empty();
    private boolean followRedirects = true;
    private Endpoint real;
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
        type = value;
        return this;
    }

    public Probes hybrid(int connects) {
        type = CheckType.COMBINED;
        hybridConnects = connects;
        return this;
    }

    public Probes service(ServiceKind value) {
        service = value;
        return this;
    }

    public Probes protocol(Protocol value) {
        protocol = value;
        return this;
    }

    public Probes request(String value) {
        request = value;
        return this;
    }

    public Probes receive(String value) {
        receive = value;
        return this;
    }

    public Probes method(HttpMethod value) {
        httpMethod = value;
        return this;
    }

    public Probes virtualHost(String value) {
        virtualHost = Optional.of(value);
        return this;
    }

    public Probes login(String user, String password) {
        login = user;
        passwd = password;
        return this;
    }

    /** The RADIUS shared secret. */
    public Probes secret(String value) {
        secret = value;
        return this;
    }

    /** The database of SQL checks. */
    public Probes database(String name) {
        database = name;
        return this;
    }

    public Probes command(Path program) {
        return command(program.toString());
    }

    public Probes command(String program) {
        checkCommand = program;
        return this;
    }

    public Probes checkPort(int port) {
        checkPort = OptionalInt.of(port);
        return this;
    }

    /** Sets both checktimeout and negotiatetimeout. */
    public Probes timeout(Duration value) {
        return timeouts(value, value);
    }

    public Probes timeouts(Duration check, Duration negotiate) {
        checkTimeout = check;
        negotiateTimeout = negotiate;
        return this;
    }

    public Probes tls(TlsVerification value) {
        tls = value;
        return this;
    }

    public Probes maxReceive(int bytes) {
        maxReceiveBytes = bytes;
        return this;
    }

    public Probes checkCount(int value) {
        checkCount = value;
        return this;
    }

    public Probes sshKey(Path key) {
        sshKey = Optional.of(key);
        return this;
    }

    public Probes dynamicWeight() {
        dynamicWeight = true;
        return this;
    }

    public Probes followRedirects(boolean value) {
        followRedirects = value;
        return this;
    }

    public Probes virtual(VirtualServiceKey key) {
        virtual = Optional.of(key);
        return this;
    }

    public ProbeSpec build() {
        CheckSpec check = new CheckSpec(type, hybridConnects, service, protocol, request, receive, httpMethod,
                virtualHost, login, passwd, database, secret, checkCommand, checkPort, checkTimeout, negotiateTimeout,
                checkCount, tls, maxReceiveBytes, dynamicWeight, sshKey, followRedirects);
        return new ProbeSpec(check, real, virtual);
    }
}
