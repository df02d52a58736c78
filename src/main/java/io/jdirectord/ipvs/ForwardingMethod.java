package io.jdirectord.ipvs;

/** IPVS forwarding method of a destination (IP_VS_CONN_F_* values). */
public enum ForwardingMethod {
    MASQ(0, "-m"),
    LOCAL(1, "-m"),
    TUNNEL(2, "-i"),
    ROUTE(3, "-g");

    private final int kernelValue;
    private final String ipvsadmOption;

    ForwardingMethod(int kernelValue, String ipvsadmOption) {
        this.kernelValue = kernelValue;
        this.ipvsadmOption = ipvsadmOption;
    }

    /** The value of IPVS_DEST_ATTR_FWD_METHOD. */
    public int kernelValue() {
        return kernelValue;
    }

    public String ipvsadmOption() {
        return ipvsadmOption;
    }

    public static ForwardingMethod ofKernelValue(int value) {
        for (ForwardingMethod method : values()) {
            if (method.kernelValue == value) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown forwarding method: " + value);
    }
}
