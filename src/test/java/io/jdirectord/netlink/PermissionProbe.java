package io.jdirectord.netlink;

import io.jdirectord.ipvs.IpvsException;

/** Run without CAP_NET_ADMIN by {@link IpvsErrorsKernelTest}: prints what listing the table says. */
final class PermissionProbe {

    private PermissionProbe() {}

    public static void main(String[] args) {
        try (NetlinkIpvsTable table = NetlinkIpvsTable.open()) {
            System.out.println("listed " + table.services().size() + " services");
        } catch (IpvsException e) {
            System.out.println(e.getMessage());
        }
    }
}
