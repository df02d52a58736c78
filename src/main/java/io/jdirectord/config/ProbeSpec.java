package io.jdirectord.config;

import java.util.Optional;

/**
 * One distinct probe: a check definition aimed at one real server. Equal ProbeSpecs are probed once and
 * their result feeds every virtual service that contains them. The virtual service is part of the
 * identity only for external checks, whose program receives the virtual's address and port.
 *
 * @param check    the effective check (per-real request/receive applied)
 * @param real     the real server's address and configured port
 * @param virtual  the virtual service, present only for external and external-perl checks
 */
public record ProbeSpec(CheckSpec check, Endpoint real, Optional<VirtualServiceKey> virtual) {

    static ProbeSpec of(CheckSpec check, Endpoint real, VirtualServiceKey virtual) {
        boolean external = check.type() == CheckType.EXTERNAL || check.type() == CheckType.EXTERNAL_PERL;
        return new ProbeSpec(check, real, external ? Optional.of(virtual) : Optional.empty());
    }

    /** ldirectord's ld_checkport: checkport, else the real's port when non-zero, else the service's port. */
    public int checkPort() {
        if (check.checkPort().isPresent()) {
            return check.checkPort().getAsInt();
        }
        return real.port() > 0 ? real.port() : check.service().wellKnownPort();
    }
}
