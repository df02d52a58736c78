package io.jdirectord.config;

/**
 * The fallback ("sorry") server of a virtual service, in the table only while no real server is up.
 * Its weight is always 1 (ldirectord). A global fallback without a port takes the virtual's port.
 */
public record Fallback(Endpoint endpoint, Forwarding forwarding) {}
