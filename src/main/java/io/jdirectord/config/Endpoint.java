package io.jdirectord.config;

import io.jdirectord.net.AddressText;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An address and port; the stable identity of a real or fallback server within a virtual service.
 * {@link #toString()} is ldirectord's and ipvsadm's form: {@code 192.0.2.1:80}, {@code [2001:db8::1]:80}.
 */
public record Endpoint(InetAddress address, int port) {

    /** The address as text, IPv6 in RFC 5952 form (as ipvsadm prints it) in brackets. */
    public String host() {
        return AddressText.bracketed(address);
    }

    @Override
    public String toString() {
        return host() + ":" + port;
    }

    /**
     * Written out as a record's would be: with C1's code the record's own, through method handles, cost every
     * probe result several calls.
     */
    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof Endpoint that && port == that.port && Objects.equals(address, that.address);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(address) + port;
    }
}
