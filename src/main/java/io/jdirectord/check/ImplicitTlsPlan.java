package io.jdirectord.check;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.net.AddressText;
import java.util.Optional;

/**
 * Whether a mail check starts TLS right after connecting (pops, imaps) and, if so, with which TLS
 * settings and for which name: virtualhost, else the real's address.
 */
final class ImplicitTlsPlan {

    private final Optional<ImplicitTls> tls;
    private final String peerName;

    private ImplicitTlsPlan(Optional<ImplicitTls> tls, String peerName) {
        this.tls = tls;
        this.peerName = peerName;
    }

    /**
     * @param tlsService the service that means "TLS from the first byte", e.g. POPS
     * @param contexts   the shared TLS set-ups
     * @throws IllegalArgumentException when TLS is to be verified against an unreadable CA file
     */
    static ImplicitTlsPlan of(ProbeSpec spec, ServiceKind tlsService, TlsContexts contexts) {
        boolean implicitTls = spec.check().service() == tlsService;
        return new ImplicitTlsPlan(
                implicitTls ? Optional.of(contexts.forVerification(spec.check().tls())) : Optional.empty(),
                spec.check().virtualHost().orElse(AddressText.of(spec.real().address())));
    }

    /** What the client does right after connecting in {@code probe}; after a handshake it is in {@code nextPhase}. */
    SocketUpgrade upgrade(SocketProbe probe, String nextPhase) {
        return tls.map(t -> SocketUpgrade.implicitTls(t, peerName, probe, nextPhase)).orElse(SocketUpgrade.NONE);
    }
}
