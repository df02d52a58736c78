package io.jdirectord.check.spec;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.Protocol;

/**
 * What a dns check needs.
 *
 * @param probe    the check port, negotiatetimeout, maxreceive
 * @param protocol tcp asks over TCP; udp and fwm over UDP
 * @param request  the name to ask for
 * @param receive  the regular expression an answer record must match; empty is down without a query
 */
public record DnsSpec(Probe probe, Protocol protocol, String request, String receive) {

    public static DnsSpec of(ProbeSpec spec) {
        return new DnsSpec(
                Probe.negotiate(spec),
                spec.check().protocol(),
                spec.check().request(),
                spec.check().receive());
    }
}
