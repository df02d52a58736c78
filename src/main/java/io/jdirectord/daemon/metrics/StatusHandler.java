package io.jdirectord.daemon.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jdirectord.daemon.status.StatusJson;
import io.jdirectord.daemon.status.StatusSource;
import io.jdirectord.ipvs.IpvsException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Every path of the endpoint but {@code /metrics}: {@code GET /status} answers the status report as
 * JSON (503 with a one-line reason when the table cannot be listed), {@code GET /health} the director's
 * health line (200 healthy, 503 unhealthy), {@code GET /} names the endpoints,
 * anything else is 404; methods other than GET and HEAD are 405.
 */
final class StatusHandler implements HttpHandler {

    private static final String INDEX =
            "jdirectord: /status (JSON status report), /health (director health), /metrics (Prometheus metrics)\n";

    private final StatusSource status;

    StatusHandler(StatusSource status) {
        this.status = status;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain", "method not allowed\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/status" -> status(exchange);
                case "/health" -> health(exchange);
                case "/" -> respond(exchange, 200, "text/plain", INDEX);
                default -> respond(exchange, 404, "text/plain", "not found\n");
            }
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        try {
            respond(exchange, 200, "application/json", StatusJson.render(status.report()));
        } catch (IpvsException e) {
            respond(exchange, 503, "text/plain", "cannot list the IPVS table: " + e.getMessage() + "\n");
        }
    }

    /** 200 with the health line while the director is healthy, 503 while it is not. */
    private void health(HttpExchange exchange) throws IOException {
        try {
            var health = status.health();
            respond(
                    exchange,
                    health.map(h -> h.healthy() ? 200 : 503).orElse(503),
                    "text/plain",
                    health.map(h -> h.line()).orElse("unhealthy: not known") + "\n");
        } catch (IpvsException e) {
            respond(exchange, 503, "text/plain", "unhealthy: cannot list the IPVS table: " + e.getMessage() + "\n");
        }
    }

    private static void respond(HttpExchange exchange, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
