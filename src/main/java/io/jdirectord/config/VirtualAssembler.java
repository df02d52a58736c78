package io.jdirectord.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds one {@link VirtualService} from its draft and the global section: address and ports resolved,
 * ldirectord's defaults by port, inheritance, reals expanded, fallback chosen.
 */
final class VirtualAssembler {

    private final Resolution resolution;
    private final Diagnostics diagnostics;
    private final VirtualAddress addresses;
    private final RealExpander reals;

    VirtualAssembler(Resolution resolution, Diagnostics diagnostics) {
        this.resolution = resolution;
        this.diagnostics = diagnostics;
        this.addresses = new VirtualAddress(resolution, diagnostics);
        this.reals = new RealExpander(resolution, diagnostics);
    }

    /** The service, or empty when the block has errors (all of them reported). */
    Optional<VirtualService> assemble(VirtualDraft v, GlobalDraft g) {
        int errorsBefore = diagnostics.errorCount();
        Protocol protocol = v.protocol != null ? v.protocol : VirtualAddress.defaultProtocol(v.address);
        Optional<VirtualServiceKey> key = v.address.isEmpty()
                ? diagnostics.reject(v.line, (v.family == Family.INET6 ? "virtual6" : "virtual") + " needs an address")
                : addresses.key(v, protocol);
        Optional<List<RealServer>> servers = reals.expand(v.reals);
        Optional<Fallback> fallback = key.flatMap(k -> fallback(v, g, k));
        Inheritance inherit = new Inheritance(v.shared, g.shared);
        Optional<Safeguards> safeguards = safeguards(v, inherit);
        if (key.isEmpty() || servers.isEmpty() || diagnostics.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        CheckSpec check = CheckSpecs.of(v, key.get(), inherit);
        Timing timing = inherit.timing();
        VirtualService service = new VirtualService(
                key.get(),
                v.scheduler != null ? v.scheduler : "wrr",
                Optional.ofNullable(v.persistent).map(p -> new Persistence(p, optional(v.netmask))),
                Optional.ofNullable(v.schedFlags),
                Boolean.TRUE.equals(v.ops),
                check,
                timing,
                servers.get(),
                fallback,
                Optional.ofNullable(inherit.get(s -> s.fallbackCommand, null)),
                inherit.get(s -> s.quiescent, false),
                inherit.get(s -> s.cleanStop, true),
                inherit.emailAlert(Optional.ofNullable(g.emailAlertFrom)),
                Optional.ofNullable(v.monitorFile),
                Optional.ofNullable(v.serviceName),
                Optional.ofNullable(v.comment),
                inherit.shaping(timing.checkInterval()),
                v.line,
                safeguards.orElseThrow(),
                Optional.ofNullable(inherit.get(s -> s.drainTime, null)).map(Duration::ofSeconds));
        return Optional.of(service);
    }

    /** failsafe (inherited), quorum and hysteresis; empty when hysteresis is not below quorum (reported). */
    private Optional<Safeguards> safeguards(VirtualDraft v, Inheritance inherit) {
        int quorum = v.quorum != null ? v.quorum : 1;
        int hysteresis = v.hysteresis != null ? v.hysteresis : 0;
        if (hysteresis >= quorum) {
            return diagnostics.reject(
                    v.lineOf("hysteresis"), "hysteresis must be below quorum (" + quorum + "), not " + hysteresis);
        }
        return Optional.of(new Safeguards(optional(inherit.get(s -> s.failsafe, null)), quorum, hysteresis));
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** The block's fallback, else the global one of its family; the port defaults to the virtual's. */
    private Optional<Fallback> fallback(VirtualDraft v, GlobalDraft g, VirtualServiceKey key) {
        FallbackDraft draft =
                v.fallback != null ? v.fallback : v.family == Family.INET ? g.fallbackInet : g.fallbackInet6;
        if (draft == null) {
            return Optional.empty();
        }
        return resolveFallback(draft, key.isFwmark() ? Optional.empty() : Optional.of(key.protocol()), key.port());
    }

    /**
     * A fallback's address and port, the port name looked up for the protocol (any when empty), reporting what
     * cannot be resolved.
     *
     * @param defaultPort the port when the fallback gives none
     */
    Optional<Fallback> resolveFallback(FallbackDraft draft, Optional<Protocol> protocol, int defaultPort) {
        Optional<InetAddress> address = resolution.address(
                draft.line(), HostPort.host(draft.host()), draft.family(), "fallback", "fallback server");
        Optional<Integer> port = draft.port().isEmpty()
                ? Optional.of(defaultPort)
                : resolution.port(draft.line(), draft.port().get(), protocol, "fallback server");
        if (address.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Fallback(new Endpoint(address.get(), port.get()), draft.forwarding()));
    }
}
