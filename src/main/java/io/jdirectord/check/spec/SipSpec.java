package io.jdirectord.check.spec;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.Protocol;

/**
 * What a sip check needs.
 *
 * @param probe    the check port, negotiatetimeout, maxreceive
 * @param protocol tcp or udp
 * @param login    the user part of the OPTIONS request's URI; empty for none
 */
public record SipSpec(Probe probe, Protocol protocol, String login) {

    public static SipSpec of(ProbeSpec spec) {
        return new SipSpec(
                Probe.negotiate(spec), spec.check().protocol(), spec.check().login());
    }
}
