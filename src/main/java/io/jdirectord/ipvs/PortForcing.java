package io.jdirectord.ipvs;

/**
 * The port a destination really has in the table. For an address (non-fwmark) service, direct routing
 * and tunnelling cannot change the port, so ipvsadm gives such destinations the service's port whatever
 * port was asked for; every table ldirectord built looks like that. Masquerading (and Local) keep their
 * port, and fwmark services keep whatever port was given. Desired destinations are put in this form so
 * that tables built by ldirectord are adopted as they are and nothing is edited again and again.
 */
public final class PortForcing {

    private PortForcing() {}

    /** The key {@code destination} gets in {@code service} with forwarding {@code forwarding}. */
    public static DestinationKey effectiveKey(
            ServiceKey service, DestinationKey destination, ForwardingMethod forwarding) {
        boolean forced =
                !service.isFwmark() && (forwarding == ForwardingMethod.ROUTE || forwarding == ForwardingMethod.TUNNEL);
        return forced && destination.port() != service.port()
                ? new DestinationKey(destination.address(), service.port())
                : destination;
    }

    /** {@code destination} with its {@link #effectiveKey effective key}. */
    public static IpvsDestination apply(ServiceKey service, IpvsDestination destination) {
        DestinationKey key = effectiveKey(service, destination.key(), destination.forwarding());
        return key.equals(destination.key())
                ? destination
                : new IpvsDestination(
                        key,
                        destination.forwarding(),
                        destination.weight(),
                        destination.upperThreshold(),
                        destination.lowerThreshold());
    }
}
