package io.jdirectord.daemon.metrics;

import com.sun.net.httpserver.HttpServer;
import io.jdirectord.config.Config;
import io.jdirectord.daemon.observe.MonitorObserver;
import io.jdirectord.daemon.status.StatusSource;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * The HTTP endpoint of the {@code statusaddress} directive: {@code /metrics} (Prometheus text format)
 * and {@code /status} (JSON). Off until a configuration names an address; a reload that changes or
 * removes the address moves or closes it. A failure to bind is reported to {@code errors} (address,
 * reason) and leaves the endpoint off until the next configuration. Each exchange runs on its own virtual
 * thread, within the {@link EndpointLimits}: a slow or idle client costs one connection for a few seconds
 * and never delays another client, nor any probe. Thread-safe.
 */
public final class StatusEndpoint implements MonitorObserver, AutoCloseable {

    private final PrometheusRegistry registry;
    private final StatusSource status;
    private final BiConsumer<InetSocketAddress, String> errors;
    private Optional<InetSocketAddress> address = Optional.empty();
    private Optional<HttpServer> server = Optional.empty();
    private Optional<ExecutorService> exchanges = Optional.empty();

    public StatusEndpoint(
            PrometheusRegistry registry, StatusSource status, BiConsumer<InetSocketAddress, String> errors) {
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
        EndpointLimits.apply();
        try {
            HttpServer http = HttpServer.create(at, EndpointLimits.BACKLOG);
            Semaphore renders = new Semaphore(EndpointLimits.RENDERS);
            http.createContext("/metrics", new GatedHandler(renders, new MetricsHandler(registry)));
            http.createContext("/", new GatedHandler(renders, new StatusHandler(status)));
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            http.setExecutor(executor);
            http.start();
            server = Optional.of(http);
            exchanges = Optional.of(executor);
        } catch (IOException | RuntimeException e) {
            errors.accept(at, String.valueOf(e.getMessage()));
        }
    }

    /** The port the endpoint listens on, when it is open. */
    public synchronized Optional<Integer> port() {
        return server.map(http -> http.getAddress().getPort());
    }

    @Override
    public synchronized void close() {
        server.ifPresent(http -> http.stop(0));
        exchanges.ifPresent(ExecutorService::shutdownNow);
        server = Optional.empty();
        exchanges = Optional.empty();
    }
}
