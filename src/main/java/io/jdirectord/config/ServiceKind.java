package io.jdirectord.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code service} directive: the protocol a negotiate check speaks. Every name ldirectord knows,
 * plus {@link #SSH}, {@link #GRPC} and {@link #GRPCS} (extensions). {@link #wellKnownPort()} is ldirectord's ld_service_to_port table,
 * used as the check port of last resort; {@link #forPort(int)} is its ld_port_to_service table.
 */
public enum ServiceKind {
    DNS(53),
    FTP(21),
    GRPC(0),
    GRPCS(0),
    HTTP(80),
    HTTPS(443),
    HTTP_PROXY(3128),
    IMAP(143),
    IMAPS(993),
    LDAP(389),
    LDAPS(636),
    NNTP(119),
    MYSQL(3306),
    NONE(0),
    ORACLE(1521),
    POP(110),
    POPS(995),
    RADIUS(1812),
    PGSQL(5432),
    SIP(5060),
    SMTP(25),
    SUBMISSION(587),
    SIMPLETCP(0),
    SSH(22);

    private final int wellKnownPort;
    private final String ldName = name().toLowerCase(Locale.ROOT);

    ServiceKind(int wellKnownPort) {
        this.wellKnownPort = wellKnownPort;
    }

    /** The port ldirectord associates with this service; 0 when none. */
    public int wellKnownPort() {
        return wellKnownPort;
    }

    /** The name as written in the configuration ({@code http_proxy}). */
    public String ldName() {
        return ldName;
    }

    /** The service ldirectord picks for a virtual port when no {@code service=} is given. */
    public static ServiceKind forPort(int port) {
        for (ServiceKind kind : values()) {
            if (kind.wellKnownPort == port && kind != SSH && port != 0) {
                return kind;
            }
        }
        return NONE;
    }

    /** Looks a configuration name up ({@code "http_proxy"}); empty when unknown. */
    public static Optional<ServiceKind> byName(String name) {
        for (ServiceKind kind : values()) {
            if (kind.ldName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
