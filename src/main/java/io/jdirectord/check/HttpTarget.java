package io.jdirectord.check;

import io.jdirectord.check.spec.HttpSpec;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.RequestUrl;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.net.AddressText;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where an HTTP check connects and what it asks for, following ldirectord: normally
 * {@code scheme://<real>:<checkport>/<request>}, connecting to the real's address whatever virtualhost
 * says; when the request (without its leading "/") is an absolute URL of the service's scheme it is
 * fetched as given. http_proxy sends the absolute URL of the request through the real server as proxy
 * (an https URL through a CONNECT tunnel).
 *
 * @param scheme   "http" or "https"
 * @param host     the target's name: for real-server targets the virtualhost, else the address; the name
 *                 TLS sends as SNI and checks the certificate against
 * @param address  the target's address when known (real-server targets), else {@code host} is resolved
 * @param port     the target's port; -1 for the scheme's default
 * @param path     the request target (path and query)
 * @param hostHeaderOverride the Host header to send, when not the target's authority
 * @param proxy    the proxy to go through (http_proxy)
 */
record HttpTarget(
        String scheme,
        String host,
        Optional<InetAddress> address,
        int port,
        String path,
        Optional<String> hostHeaderOverride,
        Optional<Endpoint> proxy) {

    /**
     * @return empty for an http_proxy check whose request is not an absolute URL
     * @throws IllegalArgumentException when the request is not a valid URL
     */
    static Optional<HttpTarget> of(HttpSpec spec) {
        Optional<URI> absolute = absoluteUrl(spec.request(), spec.service());
        if (spec.service() == ServiceKind.HTTP_PROXY) {
            Endpoint proxy = new Endpoint(spec.probe().address(), spec.probe().port());
            return absolute.map(url -> fromUrl(url, Optional.empty(), Optional.of(proxy)));
        }
        if (absolute.isPresent()) {
            return Optional.of(fromUrl(absolute.get(), spec.virtualHost(), Optional.empty()));
        }
        return Optional.of(direct(spec, spec.service() == ServiceKind.HTTPS ? "https" : "http"));
    }

    private static HttpTarget direct(HttpSpec spec, String scheme) {
        InetAddress address = spec.probe().address();
        int port = spec.probe().port();
        String name = spec.virtualHost().orElse(AddressText.of(address));
        String defaultHost = AddressText.bracketed(address) + (port == defaultPort(scheme) ? "" : ":" + port);
        String request = spec.request();
        String path = request.startsWith("/") ? request : "/" + request;
        return new HttpTarget(
                scheme,
                name,
                Optional.of(address),
                port,
                escape(path),
                Optional.of(spec.virtualHost().orElse(defaultHost)),
                Optional.empty());
    }

    /** The URL's target; an IPv6 literal loses its brackets. */
    private static HttpTarget fromUrl(URI url, Optional<String> hostHeader, Optional<Endpoint> proxy) {
        String host = url.getHost();
        boolean literal6 = host.startsWith("[") && host.endsWith("]");
        return new HttpTarget(
                url.getScheme(),
                literal6 ? host.substring(1, host.length() - 1) : host,
                Optional.empty(),
                url.getPort(),
                pathOf(url),
                hostHeader,
                proxy);
    }

    /**
     * The target of a redirect: the Location resolved against this target's URL, fetched over the same
     * connection as this one (the real server's address and check port, or the same proxy). The Location's
     * host and port only name the site: they become the Host header and the TLS server name.
     *
     * @param location the resolved Location, of this target's scheme
     */
    HttpTarget redirectedTo(URI location) throws UnknownHostException {
        if (proxy.isPresent()) {
            return fromUrl(location, Optional.empty(), proxy);
        }
        HttpTarget site = fromUrl(location, Optional.empty(), Optional.empty());
        return new HttpTarget(
                scheme,
                site.host,
                Optional.of(connectAddress()),
                effectivePort(),
                site.path,
                Optional.of(site.authority()),
                Optional.empty());
    }

    /** This target's URL as the server sees it (the Host header's authority), to resolve a Location against. */
    URI url() {
        return URI.create(scheme + "://" + hostHeader() + path);
    }

    /** The address the TCP connection goes to: the proxy's, else the target's (resolved when a name). */
    InetAddress connectAddress() throws UnknownHostException {
        if (proxy.isPresent()) {
            return proxy.get().address();
        }
        return address.isPresent() ? address.get() : InetAddress.getByName(host);
    }

    int connectPort() {
        return proxy.map(Endpoint::port).orElse(effectivePort());
    }

    boolean secure() {
        return scheme.equals("https");
    }

    /** Whether the connection goes through a CONNECT tunnel: an https URL through a proxy. */
    boolean tunnelled() {
        return proxy.isPresent() && secure();
    }

    /** The name TLS sends and verifies. */
    String peerName() {
        return host;
    }

    /** What the request line names: the path, or through a proxy without tunnel the absolute URL. */
    String requestTarget() {
        return proxy.isPresent() && !secure() ? scheme + "://" + authority() + path : path;
    }

    String hostHeader() {
        return hostHeaderOverride.orElseGet(this::authority);
    }

    /** {@code host:port} with the port always given, as CONNECT names the target. */
    String tunnelAuthority() {
        return bracketed() + ":" + effectivePort();
    }

    /** {@code host[:port]} as the URL wrote it. */
    private String authority() {
        return port < 0 ? bracketed() : bracketed() + ":" + port;
    }

    private String bracketed() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private int effectivePort() {
        return port < 0 ? defaultPort(scheme) : port;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static Optional<URI> absoluteUrl(String request, ServiceKind service) {
        return RequestUrl.absolute(request, service);
    }

    private static String pathOf(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** Percent-encodes (UTF-8) every character that may not appear in a URI; existing escapes stay. */
    static String escape(String text) {
        return RequestUrl.escape(text);
    }
}
