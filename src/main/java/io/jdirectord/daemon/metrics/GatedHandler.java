package io.jdirectord.daemon.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a handler answer GET and HEAD only (405 otherwise) and at most a few of them at once: a request that
 * waits longer than {@link EndpointLimits#RESPONSE_SECONDS} for its turn gets 503. A client that goes away
 * mid-answer ends its exchange quietly.
 */
final class GatedHandler implements HttpHandler {

    private final Semaphore renders;
    private final HttpHandler handler;

    GatedHandler(Semaphore renders, HttpHandler handler) {
        this.renders = renders;
        this.handler = handler;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (!renders.tryAcquire(EndpointLimits.RESPONSE_SECONDS, TimeUnit.SECONDS)) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            try {
                handler.handle(exchange);
            } finally {
                renders.release();
            }
        } catch (IOException e) {
            // The client went away; there is no one to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
