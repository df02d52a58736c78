package io.jdirectord.config;

/** The protocol of a virtual service as ldirectord's {@code protocol} directive names it. */
public enum Protocol {
    TCP,
    UDP,
    FWM;

    /** The lower-case name used in ldirectord's virtual ids and fallbackcommand arguments. */
    public String ldName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
