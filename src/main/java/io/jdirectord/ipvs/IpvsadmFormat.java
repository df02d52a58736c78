package io.jdirectord.ipvs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats services and destinations as ipvsadm arguments, for dry-run logs and failure-log lines. */
final class IpvsadmFormat {

    private IpvsadmFormat() {}

    static String service(IpvsService s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.key().ipvsadmArgs());
        parts.add("-s " + s.scheduler());
        if (s.onePacket()) {
            parts.add("-o");
        }
        s.persistence().ifPresent(timeout -> parts.add("-p " + timeout));
        s.netmask().ifPresent(mask -> parts.add("-M " + netmask(s.key(), mask)));
        if (s.schedFlags() != 0) {
            parts.add("-b " + schedFlags(s.schedFlags()));
        }
        s.persistenceEngine().ifPresent(engine -> parts.add("--pe " + engine));
        return String.join(" ", parts);
    }

    static String destination(ServiceKey service, IpvsDestination d) {
        StringBuilder out = new StringBuilder(service.ipvsadmArgs())
                .append(" -r ")
                .append(d.key())
                .append(' ')
                .append(d.forwarding().ipvsadmOption())
                .append(" -w ")
                .append(d.weight());
        if (d.upperThreshold() != 0) {
            out.append(" -x ").append(d.upperThreshold());
        }
        if (d.lowerThreshold() != 0) {
            out.append(" -y ").append(d.lowerThreshold());
        }
        if (d.forwarding() == ForwardingMethod.TUNNEL && !d.tunnel().equals(IpvsTunnel.IPIP)) {
            out.append(tunnel(d.tunnel()));
        }
        return out.toString();
    }

    static String startDaemon(SyncDaemon d) {
        return "ipvsadm --start-daemon " + d.state().name().toLowerCase(Locale.ROOT) + " --mcast-interface "
                + d.interfaceName() + " --syncid " + d.syncId();
    }

    static String setTimeouts(IpvsTimeouts t) {
        return "ipvsadm --set " + t.tcp() + " " + t.tcpFin() + " " + t.udp();
    }

    private static String tunnel(IpvsTunnel t) {
        StringBuilder out =
                new StringBuilder(" --tun-type ").append(t.type().name().toLowerCase(Locale.ROOT));
        if (t.port() != 0) {
            out.append(" --tun-port ").append(t.port());
        }
        if ((t.flags() & IpvsTunnel.CSUM) != 0) {
            out.append(" --tun-csum");
        }
        if ((t.flags() & IpvsTunnel.REMCSUM) != 0) {
            out.append(" --tun-remcsum");
        }
        return out.toString();
    }

    private static String netmask(ServiceKey key, int mask) {
        if (key.inet6()) {
            return Integer.toString(mask);
        }
        return (mask >>> 24) + "." + ((mask >>> 16) & 0xff) + "." + ((mask >>> 8) & 0xff) + "." + (mask & 0xff);
    }

    private static String schedFlags(int bits) {
        List<String> names = new ArrayList<>();
        if ((bits & 1) != 0) {
            names.add("flag-1");
        }
        if ((bits & 2) != 0) {
            names.add("flag-2");
        }
        if ((bits & 4) != 0) {
            names.add("flag-3");
        }
        return String.join(",", names);
    }
}
