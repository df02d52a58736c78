package io.jdirectord.netlink;

import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.os.KernelErrno;

/**
 * Turns failed exchanges into {@link IpvsException}s whose message names the operation, the service and
 * destination, the errno with its text, and what that errno means for this operation.
 */
final class IpvsFailures {

    private static final String NEEDS_CAPABILITY =
            "changing or reading IPVS needs CAP_NET_ADMIN: run as root or grant the capability CAP_NET_ADMIN";

    private IpvsFailures() {}

    static IpvsException of(IpvsOp op, NetlinkException e) {
        return build(describe(op) + " [" + op.toIpvsadm() + "]", e, meaning(op, e.errno()));
    }

    static IpvsException of(String operation, NetlinkException e) {
        return build(operation, e, e.errno() == KernelErrno.EPERM ? NEEDS_CAPABILITY : "");
    }

    /** A sync daemon start or stop: EEXIST and ESRCH say whether one runs. */
    static IpvsException ofDaemon(String operation, NetlinkException e) {
        String meaning = switch (e.errno()) {
            case KernelErrno.EEXIST -> "a sync daemon in that state is already running";
            case KernelErrno.ESRCH -> "no sync daemon in that state is running";
            case KernelErrno.ENODEV -> "no such network interface";
            case KernelErrno.EPERM -> NEEDS_CAPABILITY;
            default -> "";
        };
        return build(operation, e, meaning);
    }

    private static IpvsException build(String operation, NetlinkException e, String meaning) {
        String message = operation + " failed: " + e.getMessage() + (meaning.isEmpty() ? "" : "; " + meaning);
        return new IpvsException(message, e.errno(), e);
    }

    static String describe(IpvsOp op) {
        return switch (op) {
            case IpvsOp.AddService o -> "add service " + o.service().key();
            case IpvsOp.EditService o -> "edit service " + o.service().key();
            case IpvsOp.DeleteService o -> "delete service " + o.key();
            case IpvsOp.AddDestination o -> "add destination " + o.destination().key() + " to service " + o.service();
            case IpvsOp.EditDestination o ->
                "edit destination " + o.destination().key() + " of service " + o.service();
            case IpvsOp.DeleteDestination o -> "delete destination " + o.destination() + " from service " + o.service();
        };
    }

    private static String meaning(IpvsOp op, int errno) {
        boolean serviceChange = op instanceof IpvsOp.AddService || op instanceof IpvsOp.EditService;
        return switch (errno) {
            case KernelErrno.EPERM -> NEEDS_CAPABILITY;
            case KernelErrno.ESRCH -> "the service does not exist";
            case KernelErrno.EEXIST -> serviceChange ? "the service already exists" : "the destination already exists";
            case KernelErrno.ENOENT -> serviceChange ? unknownModule(service(op)) : "the destination does not exist";
            case KernelErrno.ERANGE -> "weight or thresholds out of range (is the lower threshold above the upper?)";
            case KernelErrno.EINVAL -> "the kernel rejected the settings";
            default -> "";
        };
    }

    private static IpvsService service(IpvsOp op) {
        return op instanceof IpvsOp.AddService add ? add.service() : ((IpvsOp.EditService) op).service();
    }

    private static String unknownModule(IpvsService service) {
        String engine = service.persistenceEngine()
                .map(pe -> " or persistence engine \"" + pe + "\"")
                .orElse("");
        return "the kernel has no scheduler \"" + service.scheduler() + "\"" + engine + " (is the module ip_vs_"
                + service.scheduler() + " installed?)";
    }
}
