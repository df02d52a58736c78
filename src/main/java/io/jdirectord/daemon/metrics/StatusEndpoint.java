package io.jdirectord.daemon.metrics;

import io.jdirectord.config.Config;
import io.jdirectord.daemon.observe.MonitorObserver;
import io.jdirectord.daemon.status.StatusSource;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The HTTP endpoint of the {@code statusaddress} directive: {@code /metrics} (Prometheus text format)
 * and {@code /status} (JSON). Off until a configuration names an address; a reload that changes or
 * removes the address moves or closes it. A failure to bind is reported to {@code errors} (address,
 * reason) and leaves the endpoint off until the next configuration. Thread-safe.
 */
public final class StatusEndpoint implements MonitorObserver, AutoCloseable {

    private final PrometheusRegistry registry;
    private final StatusSource status;
    private final BiConsumer<InetSocketAddress, String> errors;
    private Optional<InetSocketAddress> address = Optional.empty();
    private Optional<HTTPServer> server = Optional.empty();

    public StatusEndpoint(PrometheusRegistry registry, StatusSource status, BiConsumer<InetSocketAddress, String> errors) {
        this.registry = registry;
        this.status = status;
        this.errors = errors;
    }

    @Override
    public synchronized void configApplied(Config config) {
        Optional<InetSocketAddress> wanted = config.globals().statusAddress();
        if (wanted.equals(address) && (server.isPresent() || wanted.isEmpty())) {
            return;
        }
        close();
        address = wanted;
        wanted.ifPresent(this::open);
    }

    private void open(InetSocketAddress at) {
        try {
            server = Optional.of(HTTPServer.builder().inetAddress(at.getAddress()).port(at.getPort()).registry(registry)
                    .defaultHandler(new StatusHandler(status)).registerHealthHandler(false).buildAndStart());
        } catch (IOException | RuntimeException e) {
            errors.accept(at, e.getMessage());
        }
    }

    /** The port the endpoint listens on, when it is open. */
    public synchronized Optional<Integer> port() {
        return server.map(HTTPServer::getPort);
    }

    @Override
    public synchronized void close() {
        server.ifPresent(HTTPServer::close);
        server = Optional.empty();
    }
}
