package io.jdirectord.check.testing;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.HttpMethod;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds the probe specifications of check tests: one real server, ldirectord defaults otherwise. */
public final class ProbeSpecs {

    /** Adjusts a builder; lets tests share a base spec. */
    @FunctionalInterface
    public interface Customizer {
        ProbeSpecs apply(ProbeSpecs spec);
    }

    private final CheckType type;
    private final ServiceKind service;
    private final InetAddress address;
    private final int port;
    private String request = "/";
    private String receive = "";
    private String login = "";
    private String passwd = "";
    private Optional<String> virtualHost = Optional.empty();
    private Duration timeout = Duration.ofSeconds(5);
    private int checkCount = 1;
    private TlsVerification tls = TlsVerification.OFF;
    private int maxReceiveBytes = CheckSpec.DEFAULT_MAX_RECEIVE_BYTES;
    private Optional<Path> sshKey = Optional.empty();

    private ProbeSpecs(CheckType type, ServiceKind service, InetAddress address, int port) {
        this.type = type;
        this.service = service;
        this.address = address;
        this.port = port;
    }

    /** A negotiate check of {@code service} against address:port. */
    public static ProbeSpecs negotiate(ServiceKind service, InetAddress address, int port) {
        return new ProbeSpecs(CheckType.NEGOTIATE, service, address, port);
    }

    /** A ping check of {@code address}. */
    public static ProbeSpecs ping(InetAddress address) {
        return new ProbeSpecs(CheckType.PING, ServiceKind.NONE, address, 0);
    }

    public ProbeSpecs request(String value) {
        request = value;
        return this;
    }

    public ProbeSpecs receive(String value) {
        receive = value;
        return this;
    }

    public ProbeSpecs login(String user, String password) {
        login = user;
        passwd = password;
        return this;
    }

    public ProbeSpecs virtualHost(String name) {
        virtualHost = Optional.of(name);
        return this;
    }

    /** Both checktimeout and negotiatetimeout. */
    public ProbeSpecs timeout(Duration value) {
        timeout = value;
        return this;
    }

    public ProbeSpecs checkCount(int value) {
        checkCount = value;
        return this;
    }

    public ProbeSpecs tls(TlsVerification value) {
        tls = value;
        return this;
    }

    public ProbeSpecs maxReceiveBytes(int value) {
        maxReceiveBytes = value;
        return this;
    }

    public ProbeSpecs sshKey(Path key) {
        sshKey = Optional.of(key);
        return this;
    }

    public ProbeSpec build() {
        CheckSpec check = new CheckSpec(type, 0, service, Protocol.TCP, request, receive, HttpMethod.GET,
                virtualHost, login, passwd, "", "", "/bin/true", OptionalInt.empty(), timeout, timeout,
                checkCount, tls, maxReceiveBytes, false, sshKey);
        return new ProbeSpec(check, new Endpoint(address, port), Optional.empty());
    }
}
