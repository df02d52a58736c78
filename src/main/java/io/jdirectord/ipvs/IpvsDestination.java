package io.jdirectord.ipvs;

import java.util.Objects;

/**
 * The settings of a destination (what add/edit destination carries).
 *
 * @param key            address and port
 * @param forwarding     forwarding method
 * @param weight         0..65535; 0 = quiescent
 * @param upperThreshold upper connection threshold, 0 = none
 * @param lowerThreshold lower connection threshold, 0 = none
 * @param tunnel         encapsulation of a {@link ForwardingMethod#TUNNEL} destination; {@link IpvsTunnel#IPIP}
 *                       for every other method
 */
public record IpvsDestination(DestinationKey key, ForwardingMethod forwarding, int weight, int upperThreshold,
        int lowerThreshold, IpvsTunnel tunnel) {

    public IpvsDestination {
        Objects.requireNonNull(tunnel, "tunnel");
    }

    /** A destination with plain IP-in-IP tunnelling (or none). */
    public IpvsDestination(DestinationKey key, ForwardingMethod forwarding, int weight, int upperThreshold, int lowerThreshold) {
        this(key, forwarding, weight, upperThreshold, lowerThreshold, IpvsTunnel.IPIP);
    }
}
