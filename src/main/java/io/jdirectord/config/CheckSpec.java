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
        boolean followRedirects) {

    public static final int DEFAULT_MAX_RECEIVE_BYTES = 64 * 1024;

    /** A spec whose http checks follow redirects (the default). */
    public CheckSpec(CheckType type, int hybridConnects, ServiceKind service, Protocol protocol, String request,
            String receive, HttpMethod httpMethod, Optional<String> virtualHost, String login, String passwd,
            String database, String secret, String checkCommand, OptionalInt checkPort, Duration checkTimeout,
            Duration negotiateTimeout, int checkCount, TlsVerification tls, int maxReceiveBytes,
            boolean dynamicWeight, Optional<java.nio.file.Path> sshKey) {
        this(type, hybridConnects, service, protocol, request, receive, httpMethod, virtualHost, login, passwd,
                database, secret, checkCommand, checkPort, checkTimeout, negotiateTimeout, checkCount, tls,
                maxReceiveBytes, dynamicWeight, sshKey, true);
    }

    /** This spec with the request and receive of one real server's line, where it gives them. */
    public CheckSpec withRequestReceive(Optional<String> realRequest, Optional<String> realReceive) {
        return new CheckSpec(type, hybridConnects, service, protocol, realRequest.orElse(request),
                realReceive.orElse(receive), httpMethod, virtualHost, login, passwd, database, secret,
                checkCommand, checkPort, checkTimeout, negotiateTimeout, checkCount, tls, maxReceiveBytes,
                dynamicWeight, sshKey, followRedirects);
    }
}
