package io.jdirectord.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One distinct probe: a check definition aimed at one real server. Equal ProbeSpecs are probed once and
 * their result feeds every virtual service that contains them. The virtual service is part of the
 * identity only for external checks, whose program receives the virtual's address and port. A value
 * like a record (equal components, equal probes; the record's toString), but cheaper to look up: every
 * result looks its probe up in several maps and every table pass makes a ProbeSpec per real server to look
 * up its health, and a record's hash of the whole check definition (22 components, through method handles)
 * was a tenth of the probe loop's time with C1's code. The hash is computed once, from the real server,
 * the check type and the virtual service (equal probes agree on those; probes of one real server that
 * differ only in the check's details share a hash and are told apart by equals).
 */
public final class ProbeSpec {

    private final CheckSpec check;
    private final Endpoint real;
    private final Optional<VirtualServiceKey> virtual;
    private final int hash;

    /**
     * @param check    the effective check (per-real request/receive applied)
     * @param real     the real server's address and configured port
     * @param virtual  the virtual service, present only for external and external-perl checks
     */
    public ProbeSpec(CheckSpec check, Endpoint real, Optional<VirtualServiceKey> virtual) {
        this.check = Objects.requireNonNull(check, "check");
        this.real = Objects.requireNonNull(real, "real");
        this.virtual = Objects.requireNonNull(virtual, "virtual");
        this.hash = (31 * real.hashCode() + check.type().hashCode()) * 31 + virtual.hashCode();
    }

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

    public CheckSpec check() {
        return check;
    }

    public Endpoint real() {
        return real;
    }

    public Optional<VirtualServiceKey> virtual() {
        return virtual;
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof ProbeSpec that
                        && hash == that.hash
                        && real.equals(that.real)
                        && virtual.equals(that.virtual)
                        && Objects.equals(check, that.check); // the same CheckSpec, mostly: identity first
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "ProbeSpec[check=" + check + ", real=" + real + ", virtual=" + virtual + "]";
    }
}
