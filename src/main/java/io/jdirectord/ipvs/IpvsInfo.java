package io.jdirectord.ipvs;

/**
 * What the kernel reports about its IPVS (IPVS_CMD_GET_INFO).
 *
 * @param version             IP_VS_VERSION_CODE, 0x010201 for 1.2.1
 * @param connectionTableSize number of connection hash buckets
 */
public record IpvsInfo(int version, int connectionTableSize) {

    /** The version as ipvsadm prints it: {@code 1.2.1}. */
    public String versionText() {
        return (version >>> 16) + "." + ((version >>> 8) & 0xff) + "." + (version & 0xff);
    }
}
