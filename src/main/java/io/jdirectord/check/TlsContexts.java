package io.jdirectord.check;

import io.jdirectord.config.TlsVerification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One TLS client set-up per verification setting, shared by every https, pops, imaps and ldaps check that has it: a TLS context
 * holds the trust store and a session cache, which 10,000 checks need not hold 10,000 times. Sharing is
 * safe because a check takes nothing from it but fresh sockets. A CA file is read when its setting is
 * first asked for.
 */
final class TlsContexts {

    private final Map<TlsVerification, ImplicitTls> contexts = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException when the CA file cannot be read or holds no certificate */
    ImplicitTls forVerification(TlsVerification tls) {
        return contexts.computeIfAbsent(tls, ImplicitTls::new);
    }
}
