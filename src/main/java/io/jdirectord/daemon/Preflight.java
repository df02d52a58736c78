package io.jdirectord.daemon;

import io.jdirectord.config.CheckType;
import io.jdirectord.config.Config;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.VirtualService;
import io.jdirectord.os.IcmpPrivileges;
import io.jdirectord.os.IcmpSocket;

/** Start-up checks of what the configuration needs from the system, so problems show at once, not per probe. */
final class Preflight {

    private Preflight() {}

    /** @throws StartupException when a configured ping check could never work on this host */
    static void check(Config config) throws StartupException {
        if (config.virtualServices().stream().anyMatch(Preflight::pings)) {
            IcmpPrivileges.Availability icmp = IcmpSocket.availability();
            if (!icmp.available()) {
                throw new StartupException(icmp.description());
            }
        }
    }

    /** Whether the service's checks send ICMP echo: ping, and connect on a UDP service. */
    static boolean pings(VirtualService virtual) {
        CheckType type = virtual.check().type();
        boolean udp = virtual.check().protocol() == Protocol.UDP;
        return type == CheckType.PING || (udp && (type == CheckType.CONNECT || type == CheckType.COMBINED));
    }
}
