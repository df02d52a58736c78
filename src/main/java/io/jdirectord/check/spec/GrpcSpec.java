package io.jdirectord.check.spec;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.util.Optional;

/**
 * What a grpc or grpcs check needs.
 *
 * @param probe         the check port, negotiatetimeout, maxreceive
 * @param secure        TLS (service grpcs, ALPN "h2") rather than clear text with prior knowledge (grpc)
 * @param healthService the service whose health is asked for: the request without its leading "/"; empty
 *                      for the server's overall health
 * @param virtualHost   the :authority and TLS server name, when not the real's address
 * @param tls           how the server's certificate is verified
 */
public record GrpcSpec(
        Probe probe, boolean secure, String healthService, Optional<String> virtualHost, TlsVerification tls) {

    public static GrpcSpec of(ProbeSpec spec) {
        String request = spec.check().request();
        return new GrpcSpec(
                Probe.negotiate(spec),
                spec.check().service() == ServiceKind.GRPCS,
                request.startsWith("/") ? request.substring(1) : request,
                spec.check().virtualHost(),
                spec.check().tls());
    }
}
