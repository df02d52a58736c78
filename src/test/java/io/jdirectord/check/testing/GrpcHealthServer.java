package io.jdirectord.check.testing;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC server (grpc-java with Netty) on a loopback address and a free port, in clear text or TLS,
 * with the standard health service (HealthStatusManager) whose statuses the test sets, or without it.
 */
public final class GrpcHealthServer implements AutoCloseable {

    private final Server server;
    private final HealthStatusManager health;

    private GrpcHealthServer(Server server, HealthStatusManager health) {
        this.server = server;
        this.health = health;
    }

    /** A clear-text (h2c) server with the health service; the server as a whole is SERVING. */
    public static GrpcHealthServer start(InetAddress address) throws IOException {
        return start(NettyServerBuilder.forAddress(new InetSocketAddress(address, 0)), true);
    }

    /** A TLS server with the health service, presenting {@code certificate} (PEM) and {@code key} (PKCS#8 PEM). */
    public static GrpcHealthServer startTls(InetAddress address, Path certificate, Path key) throws IOException {
        return start(
                NettyServerBuilder.forAddress(new InetSocketAddress(address, 0))
                        .useTransportSecurity(certificate.toFile(), key.toFile()),
                true);
    }

    /** A clear-text server without the health service: every health call is UNIMPLEMENTED. */
    public static GrpcHealthServer withoutHealth(InetAddress address) throws IOException {
        return start(NettyServerBuilder.forAddress(new InetSocketAddress(address, 0)), false);
    }

    private static GrpcHealthServer start(NettyServerBuilder builder, boolean withHealth) throws IOException {
        HealthStatusManager health = new HealthStatusManager();
        if (withHealth) {
            builder.addService(health.getHealthService());
        }
        return new GrpcHealthServer(builder.build().start(), health);
    }

    public int port() {
        return server.getPort();
    }

    /** Sets the status the health service reports for {@code service} ("" for the server as a whole). */
    public void set(String service, ServingStatus status) {
        health.setStatus(service, status);
    }

    @Override
    public void close() {
        try {
            server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
