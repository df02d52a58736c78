package io.jdirectord.daemon.metrics;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * What one HTTP client may cost the status endpoint. The JDK's HTTP server reads its limits from system
 * properties once, when its first server is made; {@link #apply()} sets each one the operator has not set
 * on the command line ({@code -Djdk.httpserver.maxConnections=...} overrides).
 */
final class EndpointLimits {

    /** Connections waiting to be accepted (the listen backlog). */
    static final int BACKLOG = 1024;
    /** Open connections at once; one more is closed as soon as it is accepted. */
    static final int MAX_CONNECTIONS = 1024;
    /** Seconds a client has to send its whole request; then its connection is closed. */
    static final int REQUEST_SECONDS = 10;
    /** Seconds the endpoint spends sending one response; then the connection is closed. */
    static final int RESPONSE_SECONDS = 30;
    /** Idle keep-alive connections kept open. */
    static final int IDLE_CONNECTIONS = 64;
    /** Responses rendered at once; other requests wait their turn (a scrape of a large table is megabytes). */
    static final int RENDERS = 4;

    /** Prometheus' exchange adapter logs a client that went away as SEVERE with a stack trace; not worth a line. */
    private static final Logger ADAPTER_LOG =
            Logger.getLogger("io.prometheus.metrics.exporter.httpserver.HttpExchangeAdapter");

    private EndpointLimits() {}

    static synchronized void apply() {
        setIfAbsent("jdk.httpserver.maxConnections", MAX_CONNECTIONS);
        setIfAbsent("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        setIfAbsent("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS);
        setIfAbsent("sun.net.httpserver.maxIdleConnections", IDLE_CONNECTIONS);
        setIfAbsent("sun.net.httpserver.timerMillis", 500);
        ADAPTER_LOG.setFilter(entry -> !(entry.getThrown() instanceof IOException));
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }
}
