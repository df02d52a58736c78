package io.jdirectord.ipvs;

import java.net.InetAddress;
import java.util.Objects;

/** Identifies a destination (real server) within a service. */
public record DestinationKey(InetAddress address, int port) {

    @Override
    public String toString() {
        return ServiceKey.hostPort(address, port);
    }

    /** Written out (as a record's would be), as {@code Endpoint}'s: cheaper than the record's own with C1's code. */
    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof DestinationKey that && port == that.port && Objects.equals(address, that.address);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(address) + port;
    }
}
