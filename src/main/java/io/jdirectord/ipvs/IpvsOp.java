package io.jdirectord.ipvs;

/** One change to the table. {@link #toIpvsadm()} is the equivalent ipvsadm command line, for logs. */
public sealed interface IpvsOp {

    String toIpvsadm();

    record AddService(IpvsService service) implements IpvsOp {
        @Override
        public String toIpvsadm() {
            return "ipvsadm -A " + IpvsadmFormat.service(service);
        }
    }

    record EditService(IpvsService service) implements IpvsOp {
        @Override
        public String toIpvsadm() {
            return "ipvsadm -E " + IpvsadmFormat.service(service);
        }
    }

    record DeleteService(ServiceKey key) implements IpvsOp {
        @Override
        public String toIpvsadm() {
            return "ipvsadm -D " + key.ipvsadmArgs();
        }
    }

    record AddDestination(ServiceKey service, IpvsDestination destination) implements IpvsOp {
        @Override
        public String toIpvsadm() {
            return "ipvsadm -a " + IpvsadmFormat.destination(service, destination);
        }
    }

    record EditDestination(ServiceKey service, IpvsDestination destination) implements IpvsOp {
        @Override
        public String toIpvsadm() {
            return "ipvsadm -e " + IpvsadmFormat.destination(service, destination);
        }
    }

    record DeleteDestination(ServiceKey service, DestinationKey destination) implements IpvsOp {
        @Override
        public String toIpvsadm() {
            return "ipvsadm -d " + service.ipvsadmArgs() + " -r " + destination;
        }
    }
}
