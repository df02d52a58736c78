package io.jdirectord.check.spec;

import io.jdirectord.config.HttpMethod;
import io.jdirectord.config.HttpVersion;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.util.Optional;

/**
 * What an http, https or http_proxy check needs.
 *
 * @param probe           the check port (the proxy's for http_proxy), negotiatetimeout, maxreceive
 * @param service         http, https or http_proxy
 * @param request         the path, or an absolute URL
 * @param receive         the regular expression the body must match; empty means no content check
 * @param method          GET or HEAD
 * @param virtualHost     the Host header and TLS server name, when not the real's address
 * @param tls             how the server's certificate is verified
 * @param followRedirects whether redirects on the same real server are followed
 * @param httpVersion     HTTP/1.1, or HTTP/2 (http and https only)
 */
public record HttpSpec(
        Probe probe,
        ServiceKind service,
        String request,
        String receive,
        HttpMethod method,
        Optional<String> virtualHost,
        TlsVerification tls,
        boolean followRedirects,
        HttpVersion httpVersion) {

    public static HttpSpec of(ProbeSpec spec) {
        return new HttpSpec(
                Probe.negotiate(spec),
                spec.check().service(),
                spec.check().request(),
                spec.check().receive(),
                spec.check().httpMethod(),
                spec.check().virtualHost(),
                spec.check().tls(),
                spec.check().followRedirects(),
                spec.check().httpVersion());
    }
}
