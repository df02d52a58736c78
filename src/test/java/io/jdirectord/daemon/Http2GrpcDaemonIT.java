package io.jdirectord.daemon;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.jdirectord.check.testing.GrpcHealthServer;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.NginxServer;
import io.jdirectord.check.testing.OpenSslPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP/2, gRPC and client certificates end to end: the built jar in dry-run mode checks an nginx h2 (TLS)
 * real server over IPv4 with {@code httpversion = 2}, an nginx https real server that demands a client
 * certificate ({@code ssl_verify_client on}) with {@code clientcert}/{@code clientkey}, and a grpc-java real
 * server over IPv6 with {@code service = grpc}; all are up, and when the gRPC service flips to NOT_SERVING
 * its real server leaves the table within one check interval while the others stay.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class Http2GrpcDaemonIT {

    private static final Duration READY = Duration.ofSeconds(90);
    /** The configuration's checkinterval. */
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    /** What a loaded machine may add to one interval between the flip and the down event (the check itself, the pass). */
    private static final Duration SLACK = Duration.ofSeconds(1);

    private static final String SERVICE = "echo.Echo";

    @TempDir
    Path dir;

    @RegisterExtension
    final Resources resources = new Resources();

    @Test
    void allAreUpUntilTheGrpcServiceStopsServingAndItLeavesWithinOneCheckInterval() throws Exception {
        require(Files.isExecutable(NginxServer.NGINX), "nginx is installed");
        require(Files.isExecutable(OpenSslPki.OPENSSL), "openssl is installed");
        require(Files.isRegularFile(DaemonProcess.JAR), DaemonProcess.JAR + " (mvn package)");
        Path web = Files.createDirectories(dir.resolve("nginx"));
        OpenSslPki pki = OpenSslPki.create(web, "www.example.test");
        OpenSslPki.ClientFiles client = pki.clientCertificate("monitor", "ec");
        Files.writeString(web.resolve("health"), "all OK\n");
        int h2Port = Loopback.closedPort(Loopback.V4);
        int mtlsPort = Loopback.closedPort(Loopback.V4);
        resources.keep(NginxServer.start(web, nginx(h2Port, mtlsPort, web, pki), h2Port));
        GrpcHealthServer grpc = resources.keep(GrpcHealthServer.start(Loopback.V6));
        grpc.set(SERVICE, ServingStatus.SERVING);
        String h2Real = "127.0.0.1:" + h2Port;
        String mtlsReal = "127.0.0.1:" + mtlsPort;
        String grpcReal = "[::1]:" + grpc.port();

        DaemonProcess daemon = resources.keep(DaemonProcess.start(
                Files.createDirectories(dir.resolve("jdirectord")),
                configuration(h2Port, mtlsPort, client, grpc.port())));

        assertThat(daemon.awaitEvent("ready", READY)).as(daemon.transcript()).contains(" up=3 ");
        Map<String, JsonNode> reals = reals(daemon);
        assertThat(reason(reals, h2Real)).isEqualTo("HTTP 200, receive pattern 'OK' found");
        assertThat(reason(reals, mtlsReal)).isEqualTo("HTTP 200, receive pattern 'OK' found");
        assertThat(reason(reals, grpcReal)).isEqualTo("gRPC health SERVING for service 'echo.Echo'");

        Instant flipped = Instant.now();
        grpc.set(SERVICE, ServingStatus.NOT_SERVING);
        String down = daemon.awaitEvent("down", READY, "real=" + grpcReal + " ", "action=\"ipvsadm -d ");
        assertThat(Duration.between(flipped, Instant.parse(down.substring(0, down.indexOf(' ')))))
                .as("from the flip to the down event: %s", down)
                .isLessThanOrEqualTo(INTERVAL.plus(SLACK));
        reals = reals(daemon);
        assertThat(reason(reals, grpcReal)).isEqualTo("gRPC health NOT_SERVING for service 'echo.Echo'");
        assertThat(reals.get(h2Real).path("health").asText()).isEqualTo("up");
        assertThat(reals.get(mtlsReal).path("health").asText()).isEqualTo("up");
        assertThat(daemon.log()).noneMatch(DaemonProcess.event("internal-error"));
        assertThat(daemon.stop()).isZero();
    }

    /** An h2 server on {@code port} and one that demands a client certificate of the test's CA on {@code mtlsPort}. */
    private static String nginx(int port, int mtlsPort, Path root, OpenSslPki pki) {
        return """
                server {
                    listen 127.0.0.1:%1$d ssl http2;
                    root %2$s;
                    ssl_certificate %3$s;
                    ssl_certificate_key %4$s;
                }
                server {
                    listen 127.0.0.1:%5$d ssl;
                    root %2$s;
                    ssl_certificate %6$s;
                    ssl_certificate_key %7$s;
                    ssl_client_certificate %8$s;
                    ssl_verify_client on;
                }
                """.formatted(
                        port,
                        root,
                        pki.selfCertificate(),
                        pki.selfKey(),
                        mtlsPort,
                        pki.signedCertificate(),
                        pki.signedKey(),
                        pki.caCertificate());
    }

    private static String configuration(int h2Port, int mtlsPort, OpenSslPki.ClientFiles client, int grpcPort) {
        return """
                checkinterval=2
                negotiatetimeout=5
                virtual=192.0.2.80:443
                    real=127.0.0.1:%d masq
                    service=https
                    httpversion=2
                    checktype=negotiate
                    request="/health"
                    receive="OK"
                virtual=192.0.2.81:443
                    real=127.0.0.1:%d masq
                    service=https
                    checktype=negotiate
                    request="/health"
                    receive="OK"
                    clientcert=%s
                    clientkey=%s
                virtual6=[2001:db8::81]:50051
                    real6=[::1]:%d masq
                    service=grpc
                    checktype=negotiate
                    request="%s"
                """.formatted(h2Port, mtlsPort, client.certificate(), client.key(), grpcPort, SERVICE);
    }

    private static String reason(Map<String, JsonNode> reals, String address) {
        assertThat(reals).as("real servers in the status").containsKey(address);
        return reals.get(address).path("lastCheck").path("reason").asText();
    }

    /** The real servers of {@code jdirectord status --json} by address. */
    private static Map<String, JsonNode> reals(DaemonProcess daemon) throws Exception {
        DaemonProcess.Run status = daemon.command("status", "--json");
        assertThat(status.status()).as(status.err()).isZero();
        Map<String, JsonNode> reals = new HashMap<>();
        for (JsonNode service : new ObjectMapper().readTree(status.out()).path("services")) {
            service.path("reals").forEach(real -> reals.put(real.path("address").asText(), real));
        }
        return reals;
    }
}
