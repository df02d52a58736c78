package io.jdirectord.check;

import io.jdirectord.config.TlsVerification;
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
     * @param implicitTls  whether TLS starts with the first byte (pops, imaps, ldaps)
     * @param verification how the server's certificate is verified
     * @param peerName     the name TLS verifies: virtualhost, else the real's address
     * @param contexts     the shared TLS set-ups
     * @throws IllegalArgumentException when TLS is to be verified against an unreadable CA file
     */
    static ImplicitTlsPlan of(
            boolean implicitTls, TlsVerification verification, String peerName, TlsContexts contexts) {
        return new ImplicitTlsPlan(
                implicitTls ? Optional.of(contexts.forVerification(verification)) : Optional.empty(), peerName);
    }

    /** What the client does right after connecting in {@code probe}; after a handshake it is in {@code nextPhase}. */
    SocketUpgrade upgrade(SocketProbe probe, String nextPhase) {
        return tls.map(t -> SocketUpgrade.implicitTls(t, peerName, probe, nextPhase))
                .orElse(SocketUpgrade.NONE);
    }
}
