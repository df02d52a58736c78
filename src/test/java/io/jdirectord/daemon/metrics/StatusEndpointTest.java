package io.jdirectord.daemon.metrics;

import static io.jdirectord.daemon.metrics.Reports.real;
import static io.jdirectord.daemon.metrics.Reports.report;
import static io.jdirectord.daemon.metrics.Reports.service;
import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.config.Config;
import io.jdirectord.config.GlobalSettings;
import io.jdirectord.daemon.status.StatusReport;
import io.jdirectord.engine.DirectorHealth;
import io.jdirectord.ipvs.IpvsException;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatusEndpointTest {

    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(ip("127.0.0.1"), 0);

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final List<String> errors = new ArrayList<>();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private StatusReport report = report(service(
            "tcp:192.0.2.10:80", true, false, real("10.0.0.1:80", "up", 1, OptionalInt.of(1), Optional.empty())));
    private boolean unreadable;
    private final StatusEndpoint endpoint = new StatusEndpoint(
            registry,
            () -> {
                if (unreadable) {
                    throw new IpvsException("Operation not permitted", 1);
                }
                return report;
            },
            (address, error) -> errors.add(address.getPort() + ": " + error));

    @AfterEach
    void close() {
        endpoint.close();
    }

    private static Config at(Optional<InetSocketAddress> address) {
        GlobalSettings g = config(false).globals();
        return new Config(
                config(false).file(),
                new GlobalSettings(
                        g.checkInterval(),
                        g.autoreload(),
                        g.callback(),
                        g.logTarget(),
                        g.execute(),
                        g.supervised(),
                        g.fork(),
                        g.readdQuiescent(),
                        g.maintenanceDir(),
                        g.repairInterval(),
                        g.syncDaemons(),
                        g.ipvsTimeouts(),
                        address,
                        g.trackFile()),
                List.of(),
                List.of());
    }

    private HttpResponse<String> request(String method, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + endpoint.port().orElseThrow() + path);
        return client.send(
                HttpRequest.newBuilder(uri)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void staysClosedWithoutAStatusAddress() {
        endpoint.configApplied(at(Optional.empty()));

        assertThat(endpoint.port()).isEmpty();
    }

    @Test
    void servesTheStatusAsJson() throws Exception {
        endpoint.configApplied(at(Optional.of(ANY_LOOPBACK_PORT)));

        HttpResponse<String> response = request("GET", "/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(response.body())
                .startsWith("{\"version\":\"1.2.3\",\"pid\":42,")
                .contains("\"id\":\"tcp:192.0.2.10:80\"", "\"address\":\"10.0.0.1:80\"", "\"health\":\"up\"");
    }

    @Test
    void servesTheRegistryInThePrometheusTextFormat() throws Exception {
        registry.register(new TableMetrics(() -> report));
        endpoint.configApplied(at(Optional.of(ANY_LOOPBACK_PORT)));

        HttpResponse<String> response = request("GET", "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("jdirectord_real_server_up{real=\"10.0.0.1:80\",virtual=\"tcp:192.0.2.10:80\"} 1.0");
    }

    @Test
    void answersHealthWith200WhileHealthyAnd503WhileNot() throws Exception {
        endpoint.configApplied(at(Optional.of(ANY_LOOPBACK_PORT)));
        report = withDirector(new DirectorHealth(true, "every virtual service has a real server up", 0));
        assertThat(request("GET", "/health")).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("healthy: every virtual service has a real server up\n");
        });

        report = withDirector(
                new DirectorHealth(false, "probing stalled: no check result for 61 s (expected within 60 s)", 0));
        assertThat(request("GET", "/health")).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body())
                    .isEqualTo("unhealthy: probing stalled: no check result for 61 s (expected within 60 s)\n");
        });
    }

    private StatusReport withDirector(DirectorHealth health) {
        return new StatusReport(
                report.version(),
                report.pid(),
                report.config(),
                report.started(),
                report.now(),
                report.dryRun(),
                report.services(),
                Optional.of(health));
    }

    @Test
    void answersServiceUnavailableWhenTheTableCannotBeListed() throws Exception {
        endpoint.configApplied(at(Optional.of(ANY_LOOPBACK_PORT)));
        unreadable = true;

        HttpResponse<String> response = request("GET", "/status");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("cannot list the IPVS table: Operation not permitted\n");
    }

    @Test
    void namesItsPathsAtTheRootAndRefusesOthers() throws Exception {
        endpoint.configApplied(at(Optional.of(ANY_LOOPBACK_PORT)));

        assertThat(request("GET", "/").body()).contains("/status", "/metrics");
        assertThat(request("GET", "/other").statusCode()).isEqualTo(404);
        assertThat(request("POST", "/status").statusCode()).isEqualTo(405);
        HttpResponse<String> head = request("HEAD", "/status");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void movesWhenAReloadChangesTheAddressAndClosesWhenItIsRemoved() throws Exception {
        endpoint.configApplied(at(Optional.of(ANY_LOOPBACK_PORT)));
        int first = endpoint.port().orElseThrow();
        endpoint.configApplied(at(Optional.of(ANY_LOOPBACK_PORT)));
        assertThat(endpoint.port()).as("same address: kept").contains(first);

        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, ip("127.0.0.1"))) {
            free = probe.getLocalPort();
        }
        endpoint.configApplied(at(Optional.of(new InetSocketAddress(ip("127.0.0.1"), free))));
        assertThat(endpoint.port()).contains(free);
        assertThat(request("GET", "/status").statusCode()).isEqualTo(200);

        endpoint.configApplied(at(Optional.empty()));
        assertThat(endpoint.port()).isEmpty();
    }

    @Test
    void reportsAnAddressItCannotBindAndTriesAgainOnTheNextConfiguration() throws Exception {
        ServerSocket taken = new ServerSocket(0, 1, ip("127.0.0.1"));
        InetSocketAddress busy = new InetSocketAddress(ip("127.0.0.1"), taken.getLocalPort());
        try (taken) {
            endpoint.configApplied(at(Optional.of(busy)));

            assertThat(endpoint.port()).isEmpty();
            assertThat(errors).singleElement().asString().startsWith(taken.getLocalPort() + ": ");
        }
        endpoint.configApplied(at(Optional.of(busy)));
        assertThat(endpoint.port()).contains(busy.getPort());
    }

    @Test
    void answersMetricsToGetAndHeadOnly() throws Exception {
        endpoint.configApplied(at(Optional.of(ANY_LOOPBACK_PORT)));

        HttpResponse<String> post = request("POST", "/metrics");

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(request("HEAD", "/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void servesANormalClientWhileFiftyClientsSendTheirHeadersSlowly() throws Exception {
        registry.register(new TableMetrics(() -> report));
        endpoint.configApplied(at(Optional.of(ANY_LOOPBACK_PORT)));
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                slow.add(slowHeaderClient());
            }

            HttpResponse<String> response = request("GET", "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("jdirectord_real_server_up");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void closesAClientThatDoesNotFinishItsRequestInTime() throws Exception {
        endpoint.configApplied(at(Optional.of(ANY_LOOPBACK_PORT)));
        try (Socket slow = slowHeaderClient()) {
            slow.setSoTimeout(100);
            InputStream in = slow.getInputStream();

            await().atMost(Duration.ofSeconds(EndpointLimits.REQUEST_SECONDS + 10))
                    .until(() -> closedByServer(in));
        }
    }

    /** A connection that sent half a request and no more. */
    private Socket slowHeaderClient() throws IOException {
        Socket socket = new Socket(ip("127.0.0.1"), endpoint.port().orElseThrow());
        socket.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static boolean closedByServer(InputStream in) {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
