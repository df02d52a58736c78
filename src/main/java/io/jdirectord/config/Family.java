package io.jdirectord.config;

/** Address family of a virtual service: {@code virtual=} is INET, {@code virtual6=} is INET6. */
public enum Family {
    INET,
    INET6
}
