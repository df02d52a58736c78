package io.jdirectord.ipvs;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The settings of an IPVS virtual service (what add/edit service carries).
 *
 * @param key               identity
 * @param scheduler         scheduler name: rr, wrr, wlc, sh, ...
 * @param persistence       persistence timeout in seconds; empty = not persistent
 * @param netmask           persistence netmask: IPv4 mask as unsigned 32-bit host-order value, IPv6 prefix
 *                          length; empty = kernel default (all ones / 128). The default given explicitly
 *                          is stored as empty, so a service equals what the kernel reports back
 * @param onePacket         one-packet scheduling (IP_VS_SVC_F_ONEPACKET)
 * @param schedFlags        scheduler flags bits: 1 = sched1 (sh-fallback), 2 = sched2 (sh-port), 4 = sched3
 * @param persistenceEngine persistence engine name ("sip"); empty = none
 */
public record IpvsService(
        ServiceKey key,
        String scheduler,
        OptionalInt persistence,
        OptionalInt netmask,
        boolean onePacket,
        int schedFlags,
        Optional<String> persistenceEngine) {

    public IpvsService {
        if (netmask.isPresent() && netmask.getAsInt() == (key.inet6() ? 128 : 0xffffffff)) {
            netmask = OptionalInt.empty();
        }
    }
}
