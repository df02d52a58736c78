package io.jdirectord.check;

import io.jdirectord.checks.testing.LocalDaemon;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.config.ServiceKind;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RadiusCheck against Debian's FreeRADIUS 3.2 ({@code freeradius -X}) with a configuration of its own:
 * PAP against a users file holding bob, a Reply-Message on accept and on reject, clients 127.0.0.1 and
 * ::1 that must send a Message-Authenticator, one auth listener per family on a free port. Fails under CI=true when freeradius is missing, else skips.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FreeradiusIT {

    private static final String FREERADIUS = "/usr/sbin/freeradius";
    private static final String SECRET = "testing123";

    @TempDir
    static Path directory;
    private static LocalDaemon freeradius;
    private static int port;

    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startFreeradius() throws Exception {
        HostCommands.requireExecutable(FREERADIUS);
        port = freeUdpPort();
        Files.writeString(directory.resolve("radiusd.conf"), configuration());
        Files.writeString(directory.resolve("users"),
                "bob\tCleartext-Password := \"s3cret\"\n");
        freeradius = LocalDaemon.start("freeradius", List.of(FREERADIUS, "-X", "-d", directory.toString()),
                directory.resolve("freeradius.out"));
        freeradius.awaitOutput("Ready to process requests");
    }

    @AfterAll
    static void stopFreeradius() {
        if (freeradius != null) {
            freeradius.close();
        }
    }

    /** A UDP port free on both loopback addresses a moment ago. */
    private static int freeUdpPort() throws IOException {
        while (true) {
            try (DatagramSocket v4 = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                 DatagramSocket v6 = new DatagramSocket(new InetSocketAddress("::1", v4.getLocalPort()))) {
                return v6.getLocalPort();
            } catch (java.net.BindException taken) {
                // The port was free on 127.0.0.1 only; try another.
            }
        }
    }

    private static String configuration() {
        String dir = directory.toString();
        return String.join("\n",
                "prefix = /usr", "exec_prefix = /usr", "sysconfdir = /etc", "localstatedir = /var",
                "sbindir = /usr/sbin", "libdir = /usr/lib/freeradius", "name = freeradius",
                "confdir = " + dir, "raddbdir = " + dir, "logdir = " + dir, "run_dir = " + dir, "db_dir = " + dir,
                "pidfile = " + dir + "/radiusd.pid",
                "max_request_time = 30", "cleanup_delay = 5", "max_requests = 1024", "hostname_lookups = no",
                "log {", "  destination = stdout", "  auth = yes", "}",
                "security {", "  allow_vulnerable_openssl = yes", "}",
                "modules {", "  files {", "    filename = " + dir + "/users", "  }", "  pap {", "  }", "}",
                "client v4 {", "  ipaddr = 127.0.0.1", "  secret = " + SECRET,
                "  require_message_authenticator = yes", "}",
                "client v6 {", "  ipv6addr = ::1", "  secret = " + SECRET, "  require_message_authenticator = yes", "}",
                "server check {",
                "  listen {", "    type = auth", "    ipaddr = 127.0.0.1", "    port = " + port, "  }",
                "  listen {", "    type = auth", "    ipv6addr = ::1", "    port = " + port, "  }",
                "  authorize {", "    files", "    pap", "  }",
                "  authenticate {", "    Auth-Type PAP {", "      pap", "    }", "  }",
                "  post-auth {", "    update reply {", "      Reply-Message := \"Hello, %{User-Name}\"", "    }",
                "    Post-Auth-Type REJECT {", "      update reply {",
                "        Reply-Message := \"Wrong password for %{User-Name}\"", "      }", "    }", "  }",
                "}") + "\n";
    }

    private CheckResult check(String address, String password, String secret) throws Exception {
        Probes spec = Probes.negotiate(ServiceKind.RADIUS, InetAddress.getByName(address), port)
                .login("bob", password).secret(secret).timeout(Duration.ofMillis(2500));
        return runner.run(new RadiusCheck(spec.build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void passesTheRightPassword(String address) throws Exception {
        CheckResult result = check(address, "s3cret", SECRET);
        assertThat(result).extracting(CheckResult::up, CheckResult::reason).as(freeradius.log())
                .containsExactly(true, "RADIUS Access-Accept: 'Hello, bob'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void failsOnAWrongPassword(String address) throws Exception {
        assertThat(check(address, "wrong", SECRET).reason()).isEqualTo("RADIUS Access-Reject: 'Wrong password for bob'");
    }

    /** FreeRADIUS drops a request whose Message-Authenticator does not verify under its secret. */
    @Test
    void failsUnderAWrongSecret() throws Exception {
        assertThat(check("127.0.0.1", "s3cret", "not-the-secret").reason())
                .isEqualTo("RADIUS: no answer within 2500 ms to 2 requests (wrong secret or not a client of the server?)");
    }

    @Test
    void failsAtOnceWhenTheServerIsStopped() throws Exception {
        int stopped = freeUdpPort();
        Probes spec = Probes.negotiate(ServiceKind.RADIUS, InetAddress.getByName("::1"), stopped)
                .login("bob", "s3cret").secret(SECRET).timeout(Duration.ofSeconds(20));
        assertThat(runner.run(new RadiusCheck(spec.build())).reason())
                .isEqualTo("RADIUS: port unreachable (nothing listens on UDP port " + stopped + ")");
    }
}
