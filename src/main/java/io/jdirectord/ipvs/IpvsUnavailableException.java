package io.jdirectord.ipvs;

/** The kernel has no IPVS: the module is not loaded and could not be loaded, or IPVS is not built. */
public class IpvsUnavailableException extends IpvsException {

    private static final long serialVersionUID = 1L;

    public static final String MESSAGE = "IPVS is not available: load the ip_vs module (modprobe ip_vs)";

    public IpvsUnavailableException(int errno) {
        super(MESSAGE, errno);
    }
}
