package io.jdirectord.config;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The system resolver: /etc/services with getservbyname's rules, the built-in table, localhost. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NameResolutionTest {

    @TempDir
    Path dir;

    @Test
    void looksServiceNamesAndAliasesUpPerProtocol() {
        ServicesFile services = ServicesFile.parse("""
                # comment line
                http		80/tcp		www		# WorldWideWeb HTTP
                sip		5060/udp
                sip		5061/tcp
                broken		notaport/tcp
                """);
        assertThat(services.port("http", Optional.of(Protocol.TCP))).isEqualTo(OptionalInt.of(80));
        assertThat(services.port("www", Optional.empty())).isEqualTo(OptionalInt.of(80));
        assertThat(services.port("http", Optional.of(Protocol.UDP))).isEmpty();
        assertThat(services.port("sip", Optional.of(Protocol.TCP))).isEqualTo(OptionalInt.of(5061));
        assertThat(services.port("sip", Optional.empty())).isEqualTo(OptionalInt.of(5060));
        assertThat(services.port("broken", Optional.empty())).isEmpty();
    }

    @Test
    void fallsBackOnTheBuiltInTableWhenTheServicesFileIsAbsent() {
        SystemNameResolver resolver = new SystemNameResolver(dir.resolve("absent"));
        for (String name : new String[] {
            "http",
            "https",
            "ftp",
            "smtp",
            "pop3",
            "imap2",
            "imap",
            "nntp",
            "domain",
            "ldap",
            "ldaps",
            "submission",
            "pop3s",
            "imaps",
            "mysql",
            "postgresql",
            "sip",
            "ssh"
        }) {
            assertThat(resolver.servicePort(name, Optional.of(Protocol.TCP)))
                    .as(name)
                    .isPresent();
        }
        assertThat(resolver.servicePort("domain", Optional.of(Protocol.UDP))).isEqualTo(OptionalInt.of(53));
        assertThat(resolver.servicePort("imap", Optional.empty())).isEqualTo(OptionalInt.of(143));
        assertThat(resolver.servicePort("gopher", Optional.empty())).isEmpty();
    }

    @Test
    void readsAGivenServicesFile() throws Exception {
        Path services = Files.writeString(dir.resolve("services"), "web 8080/tcp\n");
        SystemNameResolver resolver = new SystemNameResolver(services);
        assertThat(resolver.servicePort("web", Optional.of(Protocol.TCP))).isEqualTo(OptionalInt.of(8080));
        assertThat(resolver.servicePort("http", Optional.of(Protocol.TCP))).isEmpty();
    }

    @Test
    void readsTheRealServicesFileWhenPresent() {
        SystemNameResolver resolver = new SystemNameResolver();
        require(Files.isReadable(Path.of("/etc/services")), "/etc/services is readable");
        assertThat(resolver.servicePort("http", Optional.of(Protocol.TCP))).isEqualTo(OptionalInt.of(80));
        assertThat(resolver.servicePort("domain", Optional.of(Protocol.UDP))).isEqualTo(OptionalInt.of(53));
    }

    @Test
    void resolvesLocalhostPerFamily() throws Exception {
        SystemNameResolver resolver = new SystemNameResolver();
        assertThat(resolver.resolveHost("localhost", Family.INET)).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThatThrownBy(() -> resolver.resolveHost("no-such-host.invalid", Family.INET))
                .isInstanceOf(UnknownHostException.class);
        assertThat(resolver.hostName()).isNotBlank();
    }

    @Test
    void parsesAConfigurationWithLocalhostAndTheSystemServices() throws Exception {
        Path file = Files.writeString(
                dir.resolve("local.cf"), "virtual=localhost:http\n\treal=localhost:http masq\n\tfallback=localhost\n");
        Config config = new ConfigParser().parse(file);
        VirtualService service = config.virtualServices().get(0);
        assertThat(service.key().id()).isEqualTo("tcp:127.0.0.1:80");
        assertThat(service.reals().get(0).endpoint()).hasToString("127.0.0.1:80");
        assertThat(service.fallback().orElseThrow().endpoint()).hasToString("127.0.0.1:80");
    }
}
