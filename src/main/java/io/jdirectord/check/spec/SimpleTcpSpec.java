package io.jdirectord.check.spec;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.Protocol;

/**
 * What a simpletcp check needs.
 *
 * @param probe    the check port, negotiatetimeout, maxreceive
 * @param protocol udp sends the request as one datagram; tcp (and fwm) over a TCP connection
 * @param request  what to send, with ldirectord's escapes
 * @param receive  the regular expression a received line must match; empty accepts the first line
 */
public record SimpleTcpSpec(Probe probe, Protocol protocol, String request, String receive) {

    public static SimpleTcpSpec of(ProbeSpec spec) {
        return new SimpleTcpSpec(
                Probe.negotiate(spec),
                spec.check().protocol(),
                spec.check().request(),
                spec.check().receive());
    }
}
