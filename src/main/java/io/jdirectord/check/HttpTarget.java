package io.jdirectord.check;

import io.jdirectord.net.AddressText;
import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.ServiceKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hc.core5.http.HttpHost;

/**
 * Where an HTTP check connects and what it asks for, following ldirectord: normally
 * {@code scheme://<real>:<checkport>/<request>}, connecting to the real's address whatever virtualhost
 * says; when the request (without its leading "/") is an absolute URL of the service's scheme it is
 * fetched as given. http_proxy sends the absolute URL of the request through the real server as proxy.
 *
 * @param host       the target; for real-server targets it carries the address to connect to, and the
 *                   virtualhost (else the address) as name for TLS SNI and certificate checks
 * @param path       the request target (path and query)
 * @param hostHeader the Host header to send, when not the one derived from {@code host}
 * @param proxy      the proxy to go through (http_proxy)
 */
record HttpTarget(HttpHost host, String path, Optional<String> hostHeader, Optional<HttpHost> proxy) {

    /**
     * @return empty for an http_proxy check whose request is not an absolute URL
     * @throws IllegalArgumentException when the request is not a valid URL
     */
    static Optional<HttpTarget> of(ProbeSpec spec) {
        CheckSpec check = spec.check();
        Optional<URI> absolute = absoluteUrl(check.request(), check.service());
        if (check.service() == ServiceKind.HTTP_PROXY) {
            Endpoint real = spec.real();
            HttpHost proxy = new HttpHost("http", real.address(), AddressText.of(real.address()), spec.checkPort());
            return absolute.map(url -> new HttpTarget(hostOf(url), pathOf(url), Optional.empty(), Optional.of(proxy)));
        }
        if (absolute.isPresent()) {
            URI url = absolute.get();
            return Optional.of(new HttpTarget(hostOf(url), pathOf(url), check.virtualHost(), Optional.empty()));
        }
        return Optional.of(direct(spec, scheme(check.service())));
    }

    private static HttpTarget direct(ProbeSpec spec, String scheme) {
        Endpoint real = spec.real();
        int port = spec.checkPort();
        String name = spec.check().virtualHost().orElse(AddressText.of(real.address()));
        String defaultHost = AddressText.bracketed(real.address()) + (port == defaultPort(scheme) ? "" : ":" + port);
        String path = spec.check().request().startsWith("/") ? spec.check().request() : "/" + spec.check().request();
        return new HttpTarget(new HttpHost(scheme, real.address(), name, port), escape(path),
                Optional.of(spec.check().virtualHost().orElse(defaultHost)), Optional.empty());
    }

    private static String scheme(ServiceKind service) {
        return service == ServiceKind.HTTPS ? "https" : "http";
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** The request as an absolute URL when it is one of the schemes this service accepts. */
    private static Optional<URI> absoluteUrl(String request, ServiceKind service) {
        String text = request.startsWith("/") ? request.substring(1) : request;
        boolean http = text.startsWith("http://");
        boolean https = text.startsWith("https://");
        boolean accepted = switch (service) {
            case HTTP -> http;
            case HTTPS -> https;
            default -> http || https;
        };
        if (!accepted) {
            return Optional.empty();
        }
        try {
            URI url = URI.create(escape(text));
            if (url.getHost() == null) {
                throw new IllegalArgumentException("request URL " + text + " names no host");
            }
            return Optional.of(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("request \"" + request + "\" is not a valid URL: " + e.getMessage(), e);
        }
    }

    /** The URL's host, resolved when connecting; an IPv6 literal loses its brackets. */
    private static HttpHost hostOf(URI url) {
        String host = url.getHost();
        boolean literal6 = host.startsWith("[") && host.endsWith("]");
        return new HttpHost(url.getScheme(), literal6 ? host.substring(1, host.length() - 1) : host, url.getPort());
    }

    private static String pathOf(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** Percent-encodes (UTF-8) every character that may not appear in a URI; existing escapes stay. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
