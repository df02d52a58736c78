package io.jdirectord.check;

import io.jdirectord.config.TlsVerification;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP client per TLS setting and timeout, shared by every HTTP check that has them. Sharing is
 * safe because a client keeps no state between checks: no connection is reused (each check opens a
 * fresh one and closes it), no cookies, no authentication cache, no redirects, no retries. The
 * connection goes to the address fixed in the target {@link HttpHost}, so name resolution is never
 * involved for a real server; the proxy of an http_proxy check travels in the request context.
 */
final class HttpClientCache implements AutoCloseable {

    /** Context attribute holding the {@link HttpHost} proxy of an http_proxy check. */
    static final String PROXY_ATTRIBUTE = "io.jdirectord.check.proxy";

    private static final int MAX_HEADER_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 100;
    /**
     * Bytes of each of a connection's three I/O buffers (HttpCore's default is 8 KiB). A check reads a
     * few hundred bytes, and with 10,000 probes a second the default buffers were most of the garbage,
     * and most of the heap when thousands of probes wait on dead hosts at once.
     */
    private static final int BUFFER_SIZE = 2048;
    private static final int MAX_CONNECTIONS = 100_000;

    private record Key(TlsVerification tls, Duration timeout) {
    }

    private final Map<Key, CloseableHttpClient> clients = new ConcurrentHashMap<>();

    /**
     * The client for checks with this TLS setting whose whole-probe timeout is {@code timeout}; its
     * connect, TLS handshake and read timeouts are that timeout.
     *
     * @throws IllegalArgumentException when the CA file cannot be used
     */
    CloseableHttpClient client(TlsVerification tls, Duration timeout) {
        Key key = new Key(tls, timeout);
        CloseableHttpClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        CloseableHttpClient created = build(key);
        CloseableHttpClient raced = clients.putIfAbsent(key, created);
        if (raced != null) {
            created.close(CloseMode.IMMEDIATE);
            return raced;
        }
        return created;
    }

    private static CloseableHttpClient build(Key key) {
        Timeout timeout = Timeout.of(key.timeout());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(TlsStrategies.forVerification(key.tls()))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(timeout).build())
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom().setBufferSize(BUFFER_SIZE)
                                .setMaxLineLength(MAX_HEADER_LINE).setMaxHeaderCount(MAX_HEADERS).build())
                        .build())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(new ContextProxyRoutePlanner())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("jdirectord")
                .build();
    }

    @Override
    public void close() {
        clients.values().forEach(client -> client.close(CloseMode.IMMEDIATE));
        clients.clear();
    }

    /** Routes through the proxy named in the request context, if any. */
    private static final class ContextProxyRoutePlanner extends DefaultRoutePlanner {

        ContextProxyRoutePlanner() {
            super(DefaultSchemePortResolver.INSTANCE);
        }

        @Override
        protected HttpHost determineProxy(HttpHost target, HttpContext context) {
            return context.getAttribute(PROXY_ATTRIBUTE) instanceof HttpHost proxy ? proxy : null;
        }
    }
}
