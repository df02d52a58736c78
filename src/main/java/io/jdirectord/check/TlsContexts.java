package io.jdirectord.check;

import io.jdirectord.config.TlsVerification;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One TLS client set-up per verification and client-certificate setting, shared by every https, pops, imaps
 * and ldaps check that has it: a TLS context holds the trust store, the client key and a session cache,
 * which 10,000 checks need not hold 10,000 times. Sharing is safe because a check takes nothing from it but
 * fresh sockets. A CA file is read when its setting is first asked for.
 *
 * <p>A setting is forgotten once no configuration holds it any more: a reload that changes a client
 * certificate's files gives a new setting and so a new set-up, and the old one goes with the old checks.
 */
final class TlsContexts {

    private final Map<TlsVerification, ImplicitTls> contexts = Collections.synchronizedMap(new WeakHashMap<>());

    /** @throws IllegalArgumentException when the CA file cannot be read or holds no certificate */
    ImplicitTls forVerification(TlsVerification tls) {
        return contexts.computeIfAbsent(tls, ImplicitTls::new);
    }
}
