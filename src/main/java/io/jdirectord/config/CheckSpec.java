package io.jdirectord.config;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the real servers of one virtual service are checked: every check-related directive of the
 * virtual block after inheritance from the global section and ldirectord's defaults. Per-real
 * request/receive overrides are applied by {@link VirtualService#probeFor}.
 *
 * @param type             the checktype
 * @param hybridConnects   N for {@code checktype = N} ({@link CheckType#COMBINED}); 0 otherwise
 * @param service          the negotiate protocol; {@link ServiceKind#NONE} for fwmark services without service=
 * @param protocol         the virtual's protocol (tcp, udp, fwm): a udp connect check is a ping, sip and
 *                         simpletcp speak it
 * @param request          the request, with ldirectord's leading "/" added; "/" by default
 * @param receive          the receive regular expression; empty means "no content check"
 * @param httpMethod       GET or HEAD
 * @param virtualHost      Host header and TLS SNI name
 * @param login            login; for service=ftp "anonymous" when set by the service line, as ldirectord
 * @param passwd           password
 * @param database         database name (sql checks)
 * @param secret           RADIUS secret
 * @param checkCommand     program for external checks; "/bin/true" by default
 * @param checkPort        port probed instead of the real's port
 * @param checkTimeout     resolved checktimeout (connect, ping per attempt, external)
 * @param negotiateTimeout resolved negotiatetimeout (negotiate checks)
 * @param checkCount       ICMP attempts of ping checks (deprecated checkcount)
 * @param tls              certificate verification (extension)
 * @param maxReceiveBytes  bound on what any check reads from a server (extension {@code maxreceive}, default 65536)
 * @param dynamicWeight    external checks: exit codes 2..255 mean up with weight code-2 (extension {@code dynamicweight})
 * @param sshKey           private key file for ssh login (extension {@code sshkey})
 * @param followRedirects  http checks follow up to 7 redirects on the same real server, as ldirectord's LWP
 *                         follows them (extension {@code followredirects}, default yes)
 * @param httpVersion      the HTTP version of http and https checks (extension {@code httpversion}, default 1.1)
 */
public record CheckSpec(
        CheckType type,
        int hybridConnects,
        ServiceKind service,
        Protocol protocol,
        String request,
        String receive,
        HttpMethod httpMethod,
        Optional<String> virtualHost,
        String login,
        String passwd,
        String database,
        String secret,
        String checkCommand,
        OptionalInt checkPort,
        Duration checkTimeout,
        Duration negotiateTimeout,
        int checkCount,
        TlsVerification tls,
        int maxReceiveBytes,
        boolean dynamicWeight,
        Optional<java.nio.file.Path> sshKey,
        boolean followRedirects,
        HttpVersion httpVersion) {

    public static final int DEFAULT_MAX_RECEIVE_BYTES = 64 * 1024;

    /**
     * A hash of the components that tell checks apart in practice (equal specs still hash equally; specs
     * that differ only elsewhere share a bucket and {@link #equals} tells them apart). Specs are map keys
     * of every result's path (probes, health states): hashing all 23 components on each lookup cost more
     * than the lookup.
     */
    @Override
    public int hashCode() {
        return ((31 * type.hashCode() + service.hashCode()) * 31 + request.hashCode()) * 31 + receive.hashCode();
    }

    /** A spec with ldirectord's defaults for every directive; set what the configuration gives. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this spec. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * This spec with the request and receive of one real server's line, where it gives them; this very
     * spec when the line gives neither, so the real servers of a service share one spec (10,000 copies
     * were megabytes, and every probe's map lookup compared them field by field).
     */
    public CheckSpec withRequestReceive(Optional<String> realRequest, Optional<String> realReceive) {
        if (realRequest.isEmpty() && realReceive.isEmpty()) {
            return this;
        }
        return toBuilder()
                .request(realRequest.orElse(request))
                .receive(realReceive.orElse(receive))
                .build();
    }

    /**
     * Builds a {@link CheckSpec} by name, so that no caller lists its 22 components by position. Starts
     * from ldirectord's defaults: negotiate, no service, tcp, request "/", no receive, GET, checktimeout
     * 5 s, negotiatetimeout 30 s, "/bin/true", one ping attempt, no TLS verification, 64 KiB maxreceive,
     * redirects followed, HTTP/1.1.
     */
    public static final class Builder {
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
        private String database = "";
        private String secret = "";
        private String checkCommand = "/bin/true";
        private OptionalInt checkPort = OptionalInt.empty();
        private Duration checkTimeout = Duration.ofSeconds(5);
        private Duration negotiateTimeout = Duration.ofSeconds(30);
        private int checkCount = 1;
        private TlsVerification tls = TlsVerification.OFF;
        private int maxReceiveBytes = DEFAULT_MAX_RECEIVE_BYTES;
        private boolean dynamicWeight;
        private Optional<java.nio.file.Path> sshKey = Optional.empty();
        private boolean followRedirects = true;
        private HttpVersion httpVersion = HttpVersion.HTTP_1_1;

        private Builder() {}

        private Builder(CheckSpec spec) {
            type = spec.type;
            hybridConnects = spec.hybridConnects;
            service = spec.service;
            protocol = spec.protocol;
            request = spec.request;
            receive = spec.receive;
            httpMethod = spec.httpMethod;
            virtualHost = spec.virtualHost;
            login = spec.login;
            passwd = spec.passwd;
            database = spec.database;
            secret = spec.secret;
            checkCommand = spec.checkCommand;
            checkPort = spec.checkPort;
            checkTimeout = spec.checkTimeout;
            negotiateTimeout = spec.negotiateTimeout;
            checkCount = spec.checkCount;
            tls = spec.tls;
            maxReceiveBytes = spec.maxReceiveBytes;
            dynamicWeight = spec.dynamicWeight;
            sshKey = spec.sshKey;
            followRedirects = spec.followRedirects;
            httpVersion = spec.httpVersion;
        }

        public Builder type(CheckType value) {
            type = value;
            return this;
        }

        public Builder hybridConnects(int value) {
            hybridConnects = value;
            return this;
        }

        public Builder service(ServiceKind value) {
            service = value;
            return this;
        }

        public Builder protocol(Protocol value) {
            protocol = value;
            return this;
        }

        public Builder request(String value) {
            request = value;
            return this;
        }

        public Builder receive(String value) {
            receive = value;
            return this;
        }

        public Builder httpMethod(HttpMethod value) {
            httpMethod = value;
            return this;
        }

        public Builder virtualHost(Optional<String> value) {
            virtualHost = value;
            return this;
        }

        public Builder login(String value) {
            login = value;
            return this;
        }

        public Builder passwd(String value) {
            passwd = value;
            return this;
        }

        public Builder database(String value) {
            database = value;
            return this;
        }

        public Builder secret(String value) {
            secret = value;
            return this;
        }

        public Builder checkCommand(String value) {
            checkCommand = value;
            return this;
        }

        public Builder checkPort(OptionalInt value) {
            checkPort = value;
            return this;
        }

        public Builder checkTimeout(Duration value) {
            checkTimeout = value;
            return this;
        }

        public Builder negotiateTimeout(Duration value) {
            negotiateTimeout = value;
            return this;
        }

        public Builder checkCount(int value) {
            checkCount = value;
            return this;
        }

        public Builder tls(TlsVerification value) {
            tls = value;
            return this;
        }

        public Builder maxReceiveBytes(int value) {
            maxReceiveBytes = value;
            return this;
        }

        public Builder dynamicWeight(boolean value) {
            dynamicWeight = value;
            return this;
        }

        public Builder sshKey(Optional<java.nio.file.Path> value) {
            sshKey = value;
            return this;
        }

        public Builder followRedirects(boolean value) {
            followRedirects = value;
            return this;
        }

        public Builder httpVersion(HttpVersion value) {
            httpVersion = value;
            return this;
        }

        public CheckSpec build() {
            return new CheckSpec(
                    type,
                    hybridConnects,
                    service,
                    protocol,
                    request,
                    receive,
                    httpMethod,
                    virtualHost,
                    login,
                    passwd,
                    database,
                    secret,
                    checkCommand,
                    checkPort,
                    checkTimeout,
                    negotiateTimeout,
                    checkCount,
                    tls,
                    maxReceiveBytes,
                    dynamicWeight,
                    sshKey,
                    followRedirects,
                    httpVersion);
        }
    }
}
