package io.jdirectord.check;

import java.io.IOException;
import java.net.Socket;

/** What a protocol client does with its socket right after connecting: nothing, or start implicit TLS. */
@FunctionalInterface
interface SocketUpgrade {

    SocketUpgrade NONE = connected -> connected;

    /** @return the socket to speak the protocol over */
    Socket upgrade(Socket connected) throws IOException;

    /**
     * Implicit TLS when {@code tls} is given: the probe is in phase "TLS handshake" until the handshake is
     * done, then in {@code nextPhase}.
     */
    static SocketUpgrade implicitTls(ImplicitTls tls, String peerName, SocketProbe probe, String nextPhase) {
        return connected -> {
            probe.phase("TLS handshake");
            Socket secured = tls.handshake(connected, peerName, probe.remainingMillis());
            probe.phase(nextPhase);
            return secured;
        };
    }
}
