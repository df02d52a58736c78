package io.jdirectord.ipvs;

/** Transport protocol of an address-based IPVS service (IPPROTO_* numbers). */
public enum IpvsProtocol {
    TCP(6),
    UDP(17),
    SCTP(132);

    private final int number;

    IpvsProtocol(int number) {
        this.number = number;
    }

    /** The IP protocol number the kernel uses. */
    public int number() {
        return number;
    }

    /** The ipvsadm option that names a service of this protocol: -t, -u or --sctp-service. */
    public String ipvsadmOption() {
        return switch (this) {
            case TCP -> "-t";
            case UDP -> "-u";
            case SCTP -> "--sctp-service";
        };
    }
}
