package io.jdirectord.check.spec;

import io.jdirectord.config.ProbeSpec;

/**
 * What a radius check needs.
 *
 * @param probe  the check port, negotiatetimeout, maxreceive
 * @param login  the User-Name of the Access-Request
 * @param passwd the User-Password
 * @param secret the shared secret
 */
public record RadiusSpec(Probe probe, String login, String passwd, String secret) {

    public static RadiusSpec of(ProbeSpec spec) {
        return new RadiusSpec(
                Probe.negotiate(spec),
                spec.check().login(),
                spec.check().passwd(),
                spec.check().secret());
    }
}
