package io.jdirectord.ipvs;

import java.util.Objects;

/**
 * Encapsulation of a tunnelled destination (IPVS_DEST_ATTR_TUN_*). Only meaningful with
 * {@link ForwardingMethod#TUNNEL}; every other destination carries {@link #IPIP}.
 *
 * @param type  encapsulation; GUE needs Linux 5.2, GRE 5.3
 * @param port  UDP destination port of GUE encapsulation, 0 otherwise
 * @param flags checksum flags: {@link #CSUM}, {@link #REMCSUM} or 0 (Linux 5.3)
 */
public record IpvsTunnel(Type type, int port, int flags) {

    /** Plain IP-in-IP: what a kernel without tunnel attributes does. */
    public static final IpvsTunnel IPIP = new IpvsTunnel(Type.IPIP, 0, 0);
    /** IP_VS_TUNNEL_ENCAP_FLAG_CSUM. */
    public static final int CSUM = 1;
    /** IP_VS_TUNNEL_ENCAP_FLAG_REMCSUM. */
    public static final int REMCSUM = 2;

    public IpvsTunnel {
        Objects.requireNonNull(type, "type");
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("tunnel port out of range: " + port);
        }
    }

    /** IP_VS_CONN_F_TUNNEL_TYPE_* values. */
    public enum Type {
        IPIP(0),
        GUE(1),
        GRE(2);

        private final int kernelValue;

        Type(int kernelValue) {
            this.kernelValue = kernelValue;
        }

        public int kernelValue() {
            return kernelValue;
        }

        public static Type ofKernelValue(int value) {
            for (Type type : values()) {
                if (type.kernelValue == value) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown tunnel type: " + value);
        }
    }
}
