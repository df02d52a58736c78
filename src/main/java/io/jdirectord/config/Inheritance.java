package io.jdirectord.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves the directives a virtual block shares with the global section: the block's value, else the global
 * one, else the default; the two timeouts fall back on each other as in ldirectord.
 */
final class Inheritance {

    static final int DEFAULT_CHECK_TIMEOUT = 5;
    static final int DEFAULT_NEGOTIATE_TIMEOUT = 30;
    static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(10);

    private final SharedDraft virtual;
    private final SharedDraft global;

    Inheritance(SharedDraft virtual, SharedDraft global) {
        this.virtual = virtual;
        this.global = global;
    }

    <T> T get(Function<SharedDraft, T> field, T fallback) {
        T own = field.apply(virtual);
        if (own != null) {
            return own;
        }
        T inherited = field.apply(global);
        return inherited != null ? inherited : fallback;
    }

    Duration checkTimeout() {
        return Duration.ofSeconds(first(
                virtual.checkTimeout,
                virtual.negotiateTimeout,
                global.checkTimeout,
                global.negotiateTimeout,
                DEFAULT_CHECK_TIMEOUT));
    }

    Duration negotiateTimeout() {
        return Duration.ofSeconds(first(
                virtual.negotiateTimeout,
                virtual.checkTimeout,
                global.negotiateTimeout,
                global.checkTimeout,
                DEFAULT_NEGOTIATE_TIMEOUT));
    }

    Timing timing() {
        return new Timing(
                get(s -> s.checkInterval, DEFAULT_CHECK_INTERVAL),
                get(s -> s.failureCount, 1),
                get(s -> s.riseCount, 1));
    }

    /** slowstart and the agent settings; the agent's interval defaults to {@code checkInterval}. */
    WeightShaping shaping(Duration checkInterval) {
        Duration slowStart = Duration.ofSeconds(get(s -> s.slowStart, 0));
        Integer port = get(s -> s.agentPort, null);
        if (port == null) {
            return new WeightShaping(slowStart, Optional.empty());
        }
        Duration interval = get(s -> s.agentInterval, checkInterval);
        Duration timeout = checkTimeout().compareTo(interval) < 0 ? checkTimeout() : interval;
        return new WeightShaping(
                slowStart, Optional.of(new WeightShaping.Agent(port, interval, get(s -> s.agentSend, ""), timeout)));
    }

    /**
     * verifycert of the block, else its cacert implies yes, else the same rule on the global section; the
     * client certificate of the block, else the global one.
     */
    TlsVerification tls() {
        Optional<Path> caFile = Optional.ofNullable(get(s -> s.caCert, null));
        Boolean verify = virtual.verifyCert;
        if (verify == null) {
            verify = virtual.caCert != null ? Boolean.TRUE : global.verifyCert;
        }
        if (verify == null) {
            verify = global.caCert != null;
        }
        return new TlsVerification(verify, caFile, Optional.ofNullable(get(s -> s.clientCertificate, null)));
    }

    EmailAlert emailAlert(Optional<String> from) {
        return new EmailAlert(
                get(s -> s.emailAlert, ""),
                get(s -> s.emailAlertFreq, 0),
                get(s -> s.emailAlertStatus, Set.copyOf(EnumSet.allOf(DaemonStatus.class))),
                from,
                Optional.ofNullable(get(s -> s.smtp, null)));
    }

    private static int first(Integer a, Integer b, Integer c, Integer d, int fallback) {
        for (Integer value : new Integer[] {a, b, c, d}) {
            if (value != null) {
                return value;
            }
        }
        return fallback;
    }
}
