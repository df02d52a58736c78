package io.jdirectord.check.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.jdirectord.config.ServiceKind;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One WireMock server on each loopback family for a test class of the HTTP check, registered as a static
 * {@code @RegisterExtension} field: started before the class, its stubs and request journal reset before
 * each test, stopped after the class.
 */
public final class WireMocks implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final Map<InetAddress, WireMockServer> servers = new HashMap<>();
    private final boolean https;

    private WireMocks(boolean https) {
        this.https = https;
    }

    /** Servers with an HTTP port. */
    public static WireMocks http() {
        return new WireMocks(false);
    }

    /** Servers with an HTTP and an HTTPS port. */
    public static WireMocks httpAndHttps() {
        return new WireMocks(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        for (InetAddress address : Loopback.both()) {
            WireMockConfiguration config = wireMockConfig()
                    .bindAddress(address.getHostAddress())
                    .dynamicPort()
                    .jettyAcceptors(1)
                    .containerThreads(8);
            WireMockServer server = new WireMockServer(https ? config.dynamicHttpsPort() : config);
            server.start();
            servers.put(address, server);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        servers.values().forEach(WireMockServer::resetAll);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        servers.values().forEach(WireMockServer::stop);
        servers.clear();
    }

    /** The server listening on {@code address}. */
    public WireMockServer get(InetAddress address) {
        return servers.get(address);
    }

    /** An http check of /health on the server at {@code address}: checktimeout 30 s, negotiatetimeout {@code timeout}. */
    public Probes health(InetAddress address, Duration timeout) {
        return Probes.to(address, get(address).port())
                .service(ServiceKind.HTTP)
                .request("/health")
                .timeouts(Duration.ofSeconds(30), timeout);
    }
}
