package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starts the jar with {@code statusaddress=127.0.0.1:PORT} and scrapes /metrics and /status like Prometheus and curl would. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatusEndpointIT {

    @TempDir
    Path dir;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private String get(int port, String path) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Test
    void servesPrometheusMetricsAndTheJsonStatus() throws Exception {
        int port = LoopbackListener.closedPort();
        try (LoopbackListener up = new LoopbackListener()) {
            int down = LoopbackListener.closedPort();
            String config = DaemonProcess.connectConfig(List.of(up.port(), down), "statusaddress=127.0.0.1:" + port);
            String upReal = "real=\"127.0.0.1:" + up.port() + "\",virtual=\"tcp:192.0.2.10:80\"";
            String downReal = "real=\"127.0.0.1:" + down + "\",virtual=\"tcp:192.0.2.10:80\"";
            try (DaemonProcess daemon = DaemonProcess.start(dir, config)) {
                AtomicReference<String> metrics = new AtomicReference<>("");
                daemon.await("metrics after the first checks", Duration.ofSeconds(60), () -> {
                    metrics.set(get(port, "/metrics"));
                    return metrics.get().contains("jdirectord_real_server_up{" + upReal + "} 1.0")
                            && metrics.get().contains("jdirectord_transitions_total{cause=\"check\",to=\"down\"}");
                });

                assertThat(metrics.get())
                        .contains(
                                "# TYPE jdirectord_real_server_up gauge",
                                "jdirectord_real_server_up{" + downReal + "} 0.0",
                                "jdirectord_real_server_configured_weight{" + upReal + "} 1.0",
                                "jdirectord_real_server_weight{" + upReal + "} 1.0",
                                "jdirectord_virtual_service_real_servers_up{virtual=\"tcp:192.0.2.10:80\"} 1.0",
                                "jdirectord_virtual_service_fallback_active{virtual=\"tcp:192.0.2.10:80\"} 0.0",
                                "jdirectord_check_results_total{outcome=\"up\",service=\"http\",type=\"connect\"}",
                                "jdirectord_check_duration_seconds_bucket{service=\"http\",type=\"connect\",le=\"+Inf\"}",
                                "jdirectord_ipvs_operations_total{op=\"add_service\",result=\"applied\"} 1.0",
                                "jdirectord_ipvs_operations_total{op=\"add_destination\",result=\"applied\"}",
                                "jdirectord_build_info{version=",
                                "jvm_threads_current ",
                                "jvm_memory_used_bytes{area=\"heap\"}");

                String status = get(port, "/status");
                assertThat(status)
                        .startsWith("{\"version\":")
                        .contains(
                                "\"dryRun\":true",
                                "\"id\":\"tcp:192.0.2.10:80\"",
                                "\"address\":\"127.0.0.1:" + up.port() + "\"",
                                "\"health\":\"up\"",
                                "\"health\":\"down\"");
                assertThat(daemon.stop()).isZero();
            }
        }
    }
}
