package io.jdirectord.config;

import java.util.Locale;
import java.util.Optional;

/** LVS forwarding method of a real or fallback server, as written in ldirectord.cf. */
public enum Forwarding {
    /** Direct routing, {@code ipvsadm -g}. */
    GATE,
    /** NAT, {@code ipvsadm -m}. */
    MASQ,
    /** IP-in-IP tunnelling, {@code ipvsadm -i}. */
    IPIP;

    public String ldName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method with this configuration name ({@code gate}); empty when there is none. */
    public static Optional<Forwarding> byLdName(String name) {
        for (Forwarding f : values()) {
            if (f.ldName().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
