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
 * @param tunnel         encapsulation of a {@link ForwardingMethod#TUNNEL} destination; always
 *                       {@link IpvsTunnel#IPIP} for every other method (anything else is replaced by it)
 */
public record IpvsDestination(
        DestinationKey key,
        ForwardingMethod forwarding,
        int weight,
        int upperThreshold,
        int lowerThreshold,
        IpvsTunnel tunnel) {

    public IpvsDestination {
        Objects.requireNonNull(tunnel, "tunnel");
        if (forwarding != ForwardingMethod.TUNNEL) {
            tunnel = IpvsTunnel.IPIP;
        }
    }

    /** A destination with plain IP-in-IP tunnelling (or none). */
    public IpvsDestination(
            DestinationKey key, ForwardingMethod forwarding, int weight, int upperThreshold, int lowerThreshold) {
        this(key, forwarding, weight, upperThreshold, lowerThreshold, IpvsTunnel.IPIP);
    }
}
