package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.HttpVersion;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.VirtualServiceKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StandardCheckFactoryTest {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration NEGOTIATE_TIMEOUT = Duration.ofSeconds(7);

    private final StandardCheckFactory factory = new StandardCheckFactory();

    private static Probes probe(CheckType type, ServiceKind service, Protocol protocol) {
        return Probes.to(Loopback.V4, 80)
                .type(type)
                .service(service)
                .protocol(protocol)
                .timeouts(CHECK_TIMEOUT, NEGOTIATE_TIMEOUT)
                .virtual(VirtualServiceKey.ofAddress(protocol, Loopback.V4, 80));
    }

    @ParameterizedTest(name = "{0} {1} over {2} -> {3}")
    @CsvSource({
        "CONNECT, HTTP, TCP, ConnectCheck, 3",
        "CONNECT, NONE, FWM, ConnectCheck, 3",
        "CONNECT, DNS, UDP, PingCheck, 3",
        "PING, NONE, TCP, PingCheck, 3",
        "NEGOTIATE, NONE, TCP, NoneCheck, 7",
        "NEGOTIATE, HTTP, TCP, HttpLoopCheck, 7",
        "NEGOTIATE, HTTPS, TCP, HttpCheck, 7",
        "NEGOTIATE, HTTP_PROXY, TCP, HttpCheck, 7",
        "NEGOTIATE, SIMPLETCP, TCP, SimpleTcpCheck, 7",
        "NEGOTIATE, SIMPLETCP, UDP, SimpleTcpCheck, 7",
        "NEGOTIATE, NNTP, TCP, NntpCheck, 7",
        "NEGOTIATE, FTP, TCP, FtpCheck, 7",
        "NEGOTIATE, SMTP, TCP, SmtpCheck, 7",
        "NEGOTIATE, SUBMISSION, TCP, SmtpCheck, 7",
        "NEGOTIATE, POP, TCP, PopCheck, 7",
        "NEGOTIATE, POPS, TCP, PopCheck, 7",
        "NEGOTIATE, IMAP, TCP, ImapCheck, 7",
        "NEGOTIATE, IMAPS, TCP, ImapCheck, 7",
        "NEGOTIATE, SSH, TCP, SshCheck, 7",
        "NEGOTIATE, GRPC, TCP, GrpcCheck, 7",
        "NEGOTIATE, GRPCS, TCP, GrpcCheck, 7",
        "NEGOTIATE, DNS, UDP, DnsCheck, 7",
        "NEGOTIATE, DNS, TCP, DnsCheck, 7",
        "NEGOTIATE, SIP, UDP, SipCheck, 7",
        "NEGOTIATE, SIP, TCP, SipCheck, 7",
        "NEGOTIATE, LDAP, TCP, LdapCheck, 7",
        "NEGOTIATE, LDAPS, TCP, LdapCheck, 7",
        "NEGOTIATE, RADIUS, UDP, RadiusCheck, 7",
        "NEGOTIATE, MYSQL, TCP, SqlCheck, 7",
        "NEGOTIATE, PGSQL, TCP, SqlCheck, 7",
        "NEGOTIATE, ORACLE, TCP, SqlCheck, 7",
        "EXTERNAL, NONE, TCP, ExternalCheck, 3",
        "EXTERNAL_PERL, NONE, TCP, ExternalCheck, 3",
        "COMBINED, HTTP, TCP, HybridCheck, 7"
    })
    void makesTheCheckLdirectordDispatchesTo(
            CheckType type, ServiceKind service, Protocol protocol, String kind, int timeoutSeconds) {
        Check check = factory.create(probe(type, service, protocol).build());
        assertThat(check.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(timeoutSeconds));
    }

    @ParameterizedTest
    @CsvSource({"HTTP, Http2Check", "HTTPS, Http2Check", "HTTP_PROXY, HttpCheck"})
    void speaksHttp2WithHttpversionTwoExceptThroughAProxy(ServiceKind service, String kind) {
        Probes probe = probe(CheckType.NEGOTIATE, service, Protocol.TCP)
                .request(service == ServiceKind.HTTP_PROXY ? "/http://www.example.test/" : "/")
                .httpVersion(HttpVersion.HTTP_2);
        assertThat(factory.create(probe.build()).getClass().getSimpleName()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"/health, HttpLoopCheck", "http://www.example.test/health, HttpCheck"})
    void carriesPlainHttpOnTheProbeLoopUnlessANameMustBeResolved(String request, String kind) {
        Probes probe =
                probe(CheckType.NEGOTIATE, ServiceKind.HTTP, Protocol.TCP).request(request);
        assertThat(factory.create(probe.build()).getClass().getSimpleName()).isEqualTo(kind);
    }

    @Test
    void reportsServiceNoneUp() {
        CheckResult result = new CheckRunner()
                .run(factory.create(probe(CheckType.NEGOTIATE, ServiceKind.NONE, Protocol.FWM)
                        .build()));
        assertThat(result.up()).isTrue();
    }

    @Test
    void givesEachHybridProbeItsOwnCounter() throws Exception {
        Probes hybrid =
                probe(CheckType.COMBINED, ServiceKind.NONE, Protocol.TCP).hybrid(2);
        HybridCheck first = (HybridCheck) factory.create(hybrid.build());
        HybridCheck second = (HybridCheck) factory.create(hybrid.build());
        first.run(Deadline.after(Duration.ofSeconds(1)));
        assertThat(first.negotiatesNext()).isFalse();
        assertThat(second.negotiatesNext()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = CheckType.class,
            names = {"ON", "OFF"})
    void rejectsCheckTypesThatAreNotProbes(CheckType type) {
        assertThat(StandardCheckFactory.isProbed(type)).isFalse();
        assertThatThrownBy(() -> factory.create(
                        probe(type, ServiceKind.HTTP, Protocol.TCP).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a probe");
    }

    @ParameterizedTest
    @EnumSource(
            value = CheckType.class,
            names = {"ON", "OFF"},
            mode = EnumSource.Mode.EXCLUDE)
    void probesEveryOtherCheckType(CheckType type) {
        assertThat(StandardCheckFactory.isProbed(type)).isTrue();
    }

    @Test
    void rejectsAReceiveThatIsNotARegularExpression() {
        assertThatThrownBy(() -> factory.create(probe(CheckType.NEGOTIATE, ServiceKind.HTTP, Protocol.TCP)
                        .receive("(unclosed")
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(unclosed");
    }

    @Test
    void rejectsAnExternalCheckWithoutItsVirtualService() {
        Probes probe = Probes.to(Loopback.V4, 80).type(CheckType.EXTERNAL);
        assertThatThrownBy(() -> factory.create(probe.build())).isInstanceOf(IllegalArgumentException.class);
    }
}
