package io.jdirectord.ipvs;

import java.net.InetAddress;

/** Identifies a destination (real server) within a service. */
public record DestinationKey(InetAddress address, int port) {

    @Override
    public String toString() {
        return ServiceKey.hostPort(address, port);
    }
}
