package io.jdirectord.check;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.jdirectord.check.spec.GrpcSpec;
import io.jdirectord.check.testing.GrpcHealthServer;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.OpenSslPki;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.TlsVerification;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gRPC check against grpc-java's own server and health service (HealthStatusManager) on 127.0.0.1 and
 * [::1], in clear text and over TLS: a service flipped between SERVING and NOT_SERVING, an unknown
 * service, and a server without the health service.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GrpcHealthIT {

    private static final String SERVICE = "echo.Echo";
    private static final String NAME = "grpc.example.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final CheckRunner runner = new CheckRunner();
    private final TlsContexts clients = new TlsContexts();

    static Iterable<InetAddress> families() {
        return Loopback.both();
    }

    private CheckResult check(Probes probe) {
        return runner.run(new GrpcCheck(GrpcSpec.of(probe.build()), clients));
    }

    private static Probes grpc(InetAddress address, int port, String service) {
        return Probes.to(address, port)
                .service(ServiceKind.GRPC)
                .request(service)
                .timeout(TIMEOUT);
    }

    @ParameterizedTest
    @MethodSource("families")
    void followsAServiceFlippedBetweenServingAndNotServing(InetAddress address) throws Exception {
        try (GrpcHealthServer server = GrpcHealthServer.start(address)) {
            server.set(SERVICE, ServingStatus.SERVING);
            assertThat(check(grpc(address, server.port(), SERVICE)).reason())
                    .isEqualTo("gRPC health SERVING for service 'echo.Echo'");
            server.set(SERVICE, ServingStatus.NOT_SERVING);
            CheckResult down = check(grpc(address, server.port(), SERVICE));
            assertThat(down.up()).isFalse();
            assertThat(down.reason()).isEqualTo("gRPC health NOT_SERVING for service 'echo.Echo'");
            server.set(SERVICE, ServingStatus.SERVING);
            assertThat(check(grpc(address, server.port(), SERVICE)).up()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void asksForTheWholeServerWithoutARequest(InetAddress address) throws Exception {
        try (GrpcHealthServer server = GrpcHealthServer.start(address)) {
            assertThat(check(grpc(address, server.port(), "/")).reason()).isEqualTo("gRPC health SERVING");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downForAServiceTheServerDoesNotKnow(InetAddress address) throws Exception {
        try (GrpcHealthServer server = GrpcHealthServer.start(address)) {
            CheckResult result = check(grpc(address, server.port(), "no.Such"));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).isEqualTo("gRPC status NOT_FOUND (5): unknown service no.Such");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenTheServerHasNoHealthService(InetAddress address) throws Exception {
        try (GrpcHealthServer server = GrpcHealthServer.withoutHealth(address)) {
            CheckResult result = check(grpc(address, server.port(), SERVICE));
            assertThat(result.up()).isFalse();
            assertThat(result.reason())
                    .isEqualTo("gRPC status UNIMPLEMENTED (12): Method not found: grpc.health.v1.Health/Check");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void upOverTlsVerifiedAgainstTheCa(InetAddress address) throws Exception {
        require(Files.isExecutable(OpenSslPki.OPENSSL), "openssl is installed");
        OpenSslPki pki = OpenSslPki.create(dir, NAME);
        try (GrpcHealthServer server = GrpcHealthServer.startTls(address, pki.signedCertificate(), pki.signedKey())) {
            server.set(SERVICE, ServingStatus.SERVING);
            Probes probe = grpc(address, server.port(), SERVICE)
                    .service(ServiceKind.GRPCS)
                    .virtualHost(NAME)
                    .tls(new TlsVerification(true, Optional.of(pki.caCertificate())));
            assertThat(check(probe).reason()).isEqualTo("gRPC health SERVING for service 'echo.Echo'");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void downWhenTheTlsServerIsAskedInClearText(InetAddress address) throws Exception {
        require(Files.isExecutable(OpenSslPki.OPENSSL), "openssl is installed");
        OpenSslPki pki = OpenSslPki.create(dir, NAME);
        try (GrpcHealthServer server = GrpcHealthServer.startTls(address, pki.signedCertificate(), pki.signedKey())) {
            CheckResult result = check(grpc(address, server.port(), SERVICE));
            assertThat(result.up()).isFalse();
            assertThat(result.reason()).startsWith("does not speak HTTP/2");
        }
    }
}
