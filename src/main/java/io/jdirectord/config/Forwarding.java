package io.jdirectord.config;

/** LVS forwarding method of a real or fallback server, as written in ldirectord.cf. */
public enum Forwarding {
    /** Direct routing, {@code ipvsadm -g}. */
    GATE,
    /** NAT, {@code ipvsadm -m}. */
    MASQ,
    /** IP-in-IP tunnelling, {@code ipvsadm -i}. */
    IPIP;

    public String ldName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The method with this configuration name ({@code gate}); empty when there is none. */
    public static java.util.Optional<Forwarding> byLdName(String name) {
        for (Forwarding f : values()) {
            if (f.ldName().equals(name)) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }
}
