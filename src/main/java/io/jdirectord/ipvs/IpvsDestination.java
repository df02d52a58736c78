package io.jdirectord.ipvs;

/**
 * The settings of a destination (what add/edit destination carries).
 *
 * @param key            address and port
 * @param forwarding     forwarding method
 * @param weight         0..65535; 0 = quiescent
 * @param upperThreshold upper connection threshold, 0 = none
 * @param lowerThreshold lower connection threshold, 0 = none
 */
public record IpvsDestination(DestinationKey key, ForwardingMethod forwarding, int weight, int upperThreshold, int lowerThreshold) {
}
