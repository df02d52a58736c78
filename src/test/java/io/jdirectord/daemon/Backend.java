package io.jdirectord.daemon;

import com.sun.net.httpserver.HttpServer;
import io.jdirectord.net.AddressText;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real server for end-to-end tests: an HTTP server on a loopback address that answers every request
 * with {@code 200 OK} and the body {@code OK} while healthy, {@code 503} and {@code sick} when told to be
 * unhealthy. {@link #close} shuts it: connections are then refused.
 */
final class Backend implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean healthy = true;

    private Backend(HttpServer server) {
        this.server = server;
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = (healthy ? "OK" : "sick").getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(healthy ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Starts a server on {@code address} (a loopback literal) and a free port. */
    static Backend on(String address) throws IOException {
        return on(address, 0);
    }

    static Backend on(String address, int port) throws IOException {
        return new Backend(HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 16));
    }

    /** The address as the configuration writes it: {@code 127.0.0.5}, {@code ::1}. */
    String address() {
        return AddressText.of(server.getAddress().getAddress());
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code 127.0.0.5:41234} or {@code [::1]:41234}, as the configuration and the log write it. */
    String hostPort() {
        return AddressText.withPort(server.getAddress().getAddress(), port());
    }

    /** How many requests it has answered. */
    int requests() {
        return requests.get();
    }

    void healthy(boolean healthy) {
        this.healthy = healthy;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
